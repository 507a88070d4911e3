using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using TimelineResponse = Accountability.Api.Features.Complaints.Timeline.Response;

namespace Accountability.Api.Tests.Complaints;

[Category("api")]
public sealed class LifecycleTests
{
    [Test]
    public async Task A_complaint_goes_from_filing_through_handoffs_to_closure_and_the_timeline_shows_every_step()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.FileAsync();
        Assert.That(filed.Holder.Id, Is.EqualTo("store"));
        Assert.That(filed.Status, Is.EqualTo(ComplaintStatus.Open));
        var path = $"/api/complaints/{filed.Id}";

        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/handoffs", new { to = "acme", reason = "NeedsVendorFix", evidence = new[] { "log-1" } });
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/acknowledgement", null);
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/handoffs", new { to = "photon", reason = "NotOurComponent", note = "camera driver", evidence = new[] { "driver-trace-9" } });
        await market.Photon.PostJsonAsync<ComplaintView>($"{path}/information-requests", new { question = "Which firmware?" });
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/information", new { answer = "2.1.4" });
        await market.Photon.PostJsonAsync<ComplaintView>($"{path}/resolution-proposals", new { summary = "Update to 2.1.5" });
        await market.Photon.PostJsonAsync<ComplaintView>($"{path}/resolution", new { rootCause = "ProductDefect", liableParty = "photon", remedy = "Firmware 2.1.5" });
        var closed = await market.Operator.PostJsonAsync<ComplaintView>($"{path}/closure", null);

        Assert.That(closed.Status, Is.EqualTo(ComplaintStatus.Closed));
        Assert.That(closed.HandoffCount, Is.EqualTo(2));
        Assert.That(closed.Version, Is.EqualTo(9));
        Assert.That(closed.TimeHeld.Select(t => t.Party), Is.EquivalentTo(new[] { "acme", "photon", "store" }));

        var timeline = await market.Operator.GetJsonAsync<TimelineResponse>($"{path}/timeline");
        Assert.That(timeline.Events.Select(e => e.Type), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_handed_off", "complaint_acknowledged", "complaint_handed_off", "information_requested",
            "information_provided", "resolution_proposed", "complaint_resolved", "complaint_closed",
        }));
        Assert.That(timeline.Events.Select(e => e.Version), Is.EqualTo(Enumerable.Range(1, 9).Select(v => (long)v)));
        Assert.That(timeline.Events.Select(e => e.By), Is.EqualTo(new[] { "store", "store", "acme", "acme", "photon", "store", "photon", "photon", "store" }));
        Assert.That(timeline.Events, Has.All.Matches<Features.Complaints.Timeline.TimelineEntry>(e => e!.ApiKeyId != null && e.CorrelationId != null));
    }

    [Test]
    public async Task The_operator_assigns_a_complaint_to_a_vendor_whoever_holds_it()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var assigned = await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/assignment", new { to = "photon" });
        Assert.That(assigned.Holder, Is.EqualTo(new PartyRef("photon", "Photon Devices")));
        Assert.That(assigned.Status, Is.EqualTo(ComplaintStatus.Open));
    }

    [Test]
    public async Task A_customer_redirection_is_recorded_without_moving_the_complaint()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var after = await market.Acme.PostJsonAsync<ComplaintView>(
            $"/api/complaints/{held.Id}/customer-redirections", new { redirectedTo = "store", message = "Ask the store for a refund" });
        Assert.That(after.Holder.Id, Is.EqualTo("acme"));
        var timeline = await market.TimelineAsync(held.Id);
        Assert.That(timeline.Select(e => e.Type).TakeLast(3), Is.EqualTo(new[] { "customer_redirected", "flag_raised", "complaint_escalated" }));
        Assert.That(timeline[^3].By, Is.EqualTo("acme"));
        Assert.That(after.Accountable.Id, Is.EqualTo("store"));
    }

    [Test]
    public async Task A_closed_complaint_is_reopened_at_the_customers_request_and_goes_back_to_its_holder()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var path = $"/api/complaints/{held.Id}";
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/resolution", new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Patch 1.2" });
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/closure", null);

        var reopened = await market.Operator.PostJsonAsync<ComplaintView>($"{path}/reopening", new { reason = "Still crashes" });

        Assert.That(reopened.Status, Is.EqualTo(ComplaintStatus.Open));
        Assert.That(reopened.Holder.Id, Is.EqualTo("acme"));
        Assert.That(reopened.ReopenCount, Is.EqualTo(1));
        Assert.That(reopened.ClosedAt, Is.Null);
    }

    [Test]
    public async Task Reading_a_complaint_gives_its_version_as_ETag_and_304_when_unchanged()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        using var first = await market.Operator.GetAsync($"/api/complaints/{held.Id}");
        var view = await first.ShouldBeAsync<ComplaintView>(200);
        Assert.That(first.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        Assert.That(view.HandoffCount, Is.EqualTo(1));
        Assert.That(view.Vendor, Is.EqualTo(new PartyRef("acme", "Acme Apps")));

        using var again = await market.Operator.GetAsync($"/api/complaints/{held.Id}", h => h.IfNoneMatch.ParseAdd("\"2\""));
        Assert.That((int)again.StatusCode, Is.EqualTo(304));
    }
}
