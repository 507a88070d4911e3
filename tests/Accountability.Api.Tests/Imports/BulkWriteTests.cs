using System.Text;
using System.Text.Json;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Imports;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Webhooks;
using Accountability.Domain.Complaints;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Accountability.Api.Tests.Imports;

/// <summary>The import copies new cases' events in bulk: what it writes must be what the normal append path writes.</summary>
[Category("api")]
public sealed class BulkWriteTests
{
    private const string Log = """
        ticket,when,team,state
        T-1,2026-01-05 09:00,Acme Apps,New
        T-1,2026-01-05 10:00,Photon Devices,Active
        T-1,2026-01-06 10:00,Acme Apps,Awaiting customer
        T-1,2026-01-07 10:00,Acme Apps,Active
        T-1,2026-01-08 10:00,Photon Devices,Resolved
        T-2,2026-01-06 09:00,Acme Apps,New
        """;

    [Test]
    public async Task Imported_cases_have_the_events_and_documents_the_normal_append_path_writes_for_the_same_history()
    {
        var (imported, appended) = (await Marketplace.CreateAsync(), await Marketplace.CreateAsync());
        var mapping = Mapping();
        using var log = new MemoryStream(Encoding.UTF8.GetBytes(Log));
        await ServiceUnderTest.Services.GetRequiredService<HistoryImporter>().ImportAsync(imported.Id, "helpdesk", log, mapping, new ImportOptions(), null, default);
        var store = ServiceUnderTest.Services.GetRequiredService<IDocumentStore>();

        foreach (var caseId in new[] { "T-1", "T-2" })
        {
            var id = HistoryImporter.StreamIdOf(imported.Id, caseId);
            await using var source = store.QuerySession(imported.Id);
            var events = await source.Events.FetchStreamAsync(id);
            await using (var normal = store.LightweightSession(appended.Id))
            {
                normal.CorrelationId = "import:helpdesk";
                normal.LastModifiedBy = "import";
                normal.Events.StartStream<Complaint>(id, events.Select(e => e.Data));
                await normal.SaveChangesAsync();
            }
            await using var target = store.QuerySession(appended.Id);
            var again = await target.Events.FetchStreamAsync(id);

            Assert.That(Rows(events), Is.EqualTo(Rows(again)), $"{caseId}: events");
            Assert.That(Json(await source.LoadAsync<Complaint>(id)), Is.EqualTo(Json(await target.LoadAsync<Complaint>(id))), $"{caseId}: complaint");
            var (page, pageAgain) = (await source.LoadAsync<StatusPageDocument>(id), await target.LoadAsync<StatusPageDocument>(id));
            Assert.That(Json(page), Is.EqualTo(Json(pageAgain is null ? null : pageAgain with { Tenant = imported.Id })), $"{caseId}: status page");
            if (page is not null)
                Assert.That((await source.MetadataForAsync(page))!.CurrentRevision, Is.EqualTo((await target.MetadataForAsync(pageAgain!))!.CurrentRevision),
                    $"{caseId}: status page's revision");
            Assert.That((await source.Events.FetchStreamStateAsync(id))!.Version, Is.EqualTo(events.Count));
        }
    }

    [Test]
    public async Task An_import_queues_no_webhook_delivery_where_a_command_giving_the_same_party_a_complaint_queues_one()
    {
        var market = await Marketplace.CreateAsync();
        await market.Operator.PostJsonAsync<object>("/api/parties", new { id = "zeta", displayName = "Zeta" }, 201);
        var zeta = Marketplace.Client((await market.Operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = "zeta", name = "zeta key" }, 201)).Key!);
        await using var receiver = await Receiver.StartAsync();
        await zeta.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { WebhookEventTypes.Assigned } }, 201);
        using var log = new MemoryStream(Encoding.UTF8.GetBytes("""
            ticket,when,team,state
            T-1,2026-01-05 09:00,Zeta,New
            T-1,2026-01-05 10:00,Zeta,Active
            """));

        var report = await ServiceUnderTest.Services.GetRequiredService<HistoryImporter>().ImportAsync(market.Id, "helpdesk", log, Mapping(), new ImportOptions(), null, default);
        var held = await market.FileHeldByAsync("zeta");

        Assert.That(report.CasesImported, Is.EqualTo(1));
        Assert.That(await DeliveriesAsync(market.Id, HistoryImporter.StreamIdOf(market.Id, "T-1")), Is.Zero, "the imported case, given to Zeta");
        Assert.That(await DeliveriesAsync(market.Id, held.Id), Is.EqualTo(1), "the filed complaint, handed to Zeta");
    }

    private static ImportMapping Mapping() =>
        JsonSerializer.Deserialize<ImportMapping>("""{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"team","status":"state"}""",
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static async Task<long> DeliveriesAsync(string tenant, Guid complaint)
    {
        var store = ServiceUnderTest.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(tenant);
        var counts = await session.AdvancedSql.QueryAsync<long>(
            $"select count(*) from {store.Options.DatabaseSchemaName}.webhook_deliveries where tenant_id = ? and complaint_id = ?", default, tenant, complaint);
        return counts.Single();
    }

    private static string Json(object? document) => JsonSerializer.Serialize(document);

    private static IEnumerable<string> Rows(IEnumerable<JasperFx.Events.IEvent> events) =>
        events.Select(e => $"{e.Version} {e.EventTypeName} {e.DotNetTypeName} {e.CorrelationId} {e.UserName} {e.Sequence > 0} {JsonSerializer.Serialize(e.Data, e.EventType)}");
}
