using System.Text;
using System.Text.Json;
using Accountability.Api.Features.Imports;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Tests.Infrastructure;
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
        var mapping = JsonSerializer.Deserialize<ImportMapping>("""{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"team","status":"state"}""",
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
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

    private static string Json(object? document) => JsonSerializer.Serialize(document);

    private static IEnumerable<string> Rows(IEnumerable<JasperFx.Events.IEvent> events) =>
        events.Select(e => $"{e.Version} {e.EventTypeName} {e.DotNetTypeName} {e.CorrelationId} {e.UserName} {e.Sequence > 0} {JsonSerializer.Serialize(e.Data, e.EventType)}");
}
