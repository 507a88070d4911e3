using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;
using ComplaintFlags = Accountability.Api.Features.Complaints.Flags.Response;
using FlagList = Accountability.Api.Features.Flags.List.Response;

namespace Accountability.Api.Tests.Rules;

[Category("api")]
public sealed class FlagTests
{
    [Test]
    public async Task Ping_pong_through_the_API_is_flagged_escalated_and_explained_with_its_evidence()
    {
        var market = await Marketplace.CreateAsync();
        var complaint = await PingPongAsync(market);

        Assert.That(complaint.Flags!.Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.PingPong }));
        Assert.That(complaint.Escalation?.Rule, Is.EqualTo(RuleIds.PingPong));
        Assert.That(complaint.Holder.Id, Is.EqualTo("acme"));
        Assert.That(complaint.Accountable.Id, Is.EqualTo("store"));
        Assert.That(complaint.Version, Is.EqualTo(7), "filed, two handoffs, the bounce flag, a third handoff, the ping-pong flag and the escalation");

        var flags = await market.Operator.GetJsonAsync<ComplaintFlags>($"/api/complaints/{complaint.Id}/flags");
        Assert.That(flags.Flags.Select(f => (f.Rule, f.Version, f.SupersededBy)), Is.EqualTo(new[] { (RuleIds.Bounce, 4L, (long?)6), (RuleIds.PingPong, 6L, null) }));
        var flag = flags.Flags[1];
        Assert.That(flag.Sentence, Does.StartWith("Handed back and forth between Test Store and Acme Apps 3 times"));
        Assert.That(flag.Charged, Is.EqualTo(new[] { "acme", "store" }), "both sent it back without evidence");
        Assert.That(flag.Evidence.Select(e => e.Version), Is.EqualTo(new long[] { 2, 3, 5 }));
        Assert.That(flag.Evidence.Select(e => e.Type), Has.All.EqualTo("complaint_handed_off"));
        var timeline = await market.TimelineAsync(complaint.Id);
        Assert.That(flag.Evidence.Select(e => (e.EventId, e.Sequence)),
            Is.EqualTo(timeline.Where(e => e.Version is 2 or 3 or 5).Select(e => (e.Id, e.Sequence))));
        Assert.That(timeline.Select(e => e.Type).TakeLast(2), Is.EqualTo(new[] { "flag_raised", "complaint_escalated" }));
    }

    [Test]
    public async Task After_escalation_the_vendor_cannot_hand_the_complaint_back()
    {
        var market = await Marketplace.CreateAsync();
        var complaint = await PingPongAsync(market);
        using var response = await market.Acme.PostAsync($"/api/complaints/{complaint.Id}/handoffs", new { to = "store", reason = "WrongParty" });
        var problem = await response.ShouldBeProblemAsync(409, "escalated");
        Assert.That(problem.Detail, Does.Contain("Handed back and forth"));
        Assert.That(await market.TimelineAsync(complaint.Id), Has.Count.EqualTo(7));
    }

    [Test]
    public async Task Flags_are_listed_per_rule_and_a_vendor_sees_only_its_own()
    {
        var market = await Marketplace.CreateAsync();
        var pingPong = await PingPongAsync(market);
        var held = await market.FileHeldByAsync("photon");
        await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/customer-redirections", new { redirectedTo = "store" });

        var all = await market.Operator.GetJsonAsync<FlagList>("/api/flags");
        Assert.That(all.Items.Select(i => i.Flag.Rule), Is.EquivalentTo(new[] { RuleIds.PingPong, RuleIds.CustomerDeflection }));
        var onlyPingPong = await market.Operator.GetJsonAsync<FlagList>("/api/flags?rule=ping-pong");
        Assert.That(onlyPingPong.Items.Select(i => i.ComplaintId), Is.EqualTo(new[] { pingPong.Id }));
        var photons = await market.Photon.GetJsonAsync<FlagList>("/api/flags");
        Assert.That(photons.Items.Select(i => i.ComplaintId), Is.EqualTo(new[] { held.Id }));

        using var unknownRule = await market.Operator.GetAsync("/api/flags?rule=blame");
        await unknownRule.ShouldBeProblemAsync(400, "validation");
    }

    [Test]
    public async Task A_retried_handoff_does_not_raise_its_flag_twice()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var path = $"/api/complaints/{held.Id}";
        var evidenceFree = new { to = "photon", reason = "NotOurComponent" };
        for (var i = 0; i < 2; i++)
            await market.Acme.PostJsonAsync<ComplaintView>($"{path}/handoffs", evidenceFree, 200, h => h.Add("Idempotency-Key", "once"));

        var complaint = await market.Operator.GetJsonAsync<ComplaintView>(path);
        Assert.That(complaint.Flags!.Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.EvidenceFreeHandoff }));
        Assert.That(complaint.Escalation, Is.Null, "evidence-free handoffs do not escalate by default");
    }

    private static async Task<ComplaintView> PingPongAsync(Marketplace market)
    {
        var filed = await market.FileAsync();
        var path = $"/api/complaints/{filed.Id}/handoffs";
        await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>(path, new { to = "store", reason = "NeedsStoreAction" });
        return await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix" });
    }
}
