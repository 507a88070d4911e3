using System.Text;
using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Dashboard;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Webhooks;
using Accountability.Domain.Complaints;
using Marten;

namespace Accountability.Api.Tests.Complaints;

/// <summary>An assignment's reason code and note: accepted, checked one defect at a time, kept in the event, shown everywhere the event is.</summary>
[Category("api")]
public sealed class AssignmentTests
{
    [Test]
    public async Task An_assignment_with_a_reason_and_a_note_is_in_the_timeline_and_on_the_dashboard()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");

        var assigned = await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/assignment",
            new { to = "photon", reason = "NeedsSpecialist", note = "Camera driver, Photon part" });

        Assert.That(assigned.Holder.Id, Is.EqualTo("photon"));
        var data = JsonSerializer.SerializeToElement((await market.TimelineAsync(held.Id))[^1].Data);
        Assert.That((data.GetProperty("to").GetString(), data.GetProperty("reason").GetString(), data.GetProperty("note").GetString()),
            Is.EqualTo(("photon", "NeedsSpecialist", "Camera driver, Photon part")));
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);
        var page = await visitor.ReadAsync($"/dashboard/complaints/{held.Id}");
        Assert.That(page, Does.Contain("<strong>Test Store</strong> <span>gave it to Photon Devices (reason: Needs a specialist): “Camera driver, Photon part”</span>"));
    }

    [Test]
    public async Task An_assignment_without_reason_or_note_is_accepted_as_before()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");

        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/assignment", new { to = "photon" });

        var data = JsonSerializer.SerializeToElement((await market.TimelineAsync(held.Id))[^1].Data);
        Assert.That(data.GetProperty("reason").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(data.GetProperty("note").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("reason", "Bogus")]
    [TestCase("reason", 99)]
    [TestCase("reason", "")]
    [TestCase("note", 2001)]
    public async Task An_assignment_with_one_bad_field_is_a_400_naming_it_and_changes_nothing(string field, object value)
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var body = new Dictionary<string, object> { ["to"] = "photon", ["reason"] = "Workload", ["note"] = "Spread the load" };
        body[field] = field == "note" ? new string('n', (int)value) : value;

        using var response = await market.Operator.PostAsync($"/api/complaints/{held.Id}/assignment", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { field }), problem.Detail);
        Assert.That((await market.TimelineAsync(held.Id)).Count, Is.EqualTo(2), "filed and handed off, nothing more");
    }

    [Test]
    public async Task A_note_of_2000_characters_is_accepted()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");

        var assigned = await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/assignment", new { to = "photon", note = new string('n', 2000) });

        Assert.That(assigned.Holder.Id, Is.EqualTo("photon"));
    }

    [Test]
    public void An_assignment_stored_before_reasons_existed_still_loads_without_them()
    {
        var serializer = ServiceUnderTest.Services.GetRequiredService<IDocumentStore>().Options.Serializer();
        using var stored = new MemoryStream(Encoding.UTF8.GetBytes("""{"to":"photon","by":"store","at":"2026-03-02T09:00:00+00:00"}"""));

        var loaded = serializer.FromJson<ComplaintAssigned>(stored);

        Assert.That(loaded, Is.EqualTo(new ComplaintAssigned("photon", "store", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))));
        Assert.That((loaded.Reason, loaded.Note), Is.EqualTo(((AssignmentReason?)null, (string?)null)));
    }

    [Test]
    public async Task The_party_given_the_complaint_is_told_the_reason_and_the_note_by_webhook()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        await market.Photon.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);
        var held = await market.FileHeldByAsync("acme");

        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/assignment", new { to = "photon", reason = "Unresponsive", note = "Acme silent for 3 days" });

        using var payload = JsonDocument.Parse((await receiver.WaitForAsync(1)).Single().Body);
        var root = payload.RootElement;
        Assert.That((root.GetProperty("type").GetString(), root.GetProperty("event").GetString()), Is.EqualTo(("complaint.assigned", "ComplaintAssigned")));
        var data = root.GetProperty("data");
        Assert.That((data.GetProperty("to").GetString(), data.GetProperty("reason").GetString(), data.GetProperty("note").GetString()),
            Is.EqualTo(("photon", "Unresponsive", "Acme silent for 3 days")));
    }
}
