using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Rules;

public sealed class BounceHubAndEpisodeTests
{
    private const string S = Party.StoreId;
    private static readonly DateTimeOffset T = Scenario.T0;

    [Test]
    public void One_return_is_a_bounce_charged_to_the_party_that_sent_it_back_and_it_does_not_escalate()
    {
        var scenario = new RuleScenario().Path(S, "acme", S);

        var flag = scenario.Flags.Single();
        Assert.That((flag.Rule, flag.Severity), Is.EqualTo((RuleIds.Bounce, Severity.Medium)));
        Assert.That(flag.Evidence, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(flag.Sentence, Is.EqualTo("Bounced: The Store handed it to Acme Apps, who handed it back 1 hour later without evidence."));
        Assert.That(flag.Charged, Is.EqualTo(new[] { "acme" }));
        Assert.That(scenario.State.Escalation, Is.Null);
    }

    [Test]
    public void Events_after_a_return_do_not_raise_its_flag_again()
    {
        var scenario = new RuleScenario().Path(S, "acme", S).Append(new ComplaintAcknowledged(S, T.AddHours(3)))
            .Append(new InformationRequested(S, "Which version?", T.AddHours(4)));
        Assert.That(scenario.FlagsOf(RuleIds.Bounce), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_bounce_that_grows_into_ping_pong_is_superseded_by_it()
    {
        var scenario = new RuleScenario().Path(S, "acme", S, "acme");

        var (bounce, pingPong) = (scenario.FlagsOf(RuleIds.Bounce).Single(), scenario.FlagsOf(RuleIds.PingPong).Single());
        Assert.That(pingPong.Supersedes, Is.EqualTo(new long[] { 4 }), "the bounce flag's version");
        Assert.That(pingPong.Evidence, Is.SupersetOf(bounce.Evidence));
        Assert.That(scenario.State.Flags.Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.PingPong }));
        Assert.That(scenario.State.FlaggedRules, Is.EqualTo(new[] { RuleIds.PingPong }), "the rules whose flags stand, as lists filter by");
    }

    [Test]
    public void In_the_app_store_story_the_developer_that_bounced_it_back_without_evidence_is_charged_not_the_store()
    {
        var scenario = new RuleScenario()
            .HandOff(S, "acme", HandoffReason.NeedsVendorFix, "crash-log")
            .HandOff("acme", S, HandoffReason.NeedsStoreAction)
            .HandOff(S, "acme", HandoffReason.NeedsVendorFix, "store-receipt");

        Assert.That(scenario.FlagsOf(RuleIds.PingPong).Single().Charged, Is.EqualTo(new[] { "acme" }));
    }

    [Test]
    public void When_every_return_carried_evidence_the_party_that_returned_it_last_is_charged()
    {
        var scenario = new RuleScenario()
            .HandOff(S, "acme", HandoffReason.NeedsVendorFix, "crash-log")
            .HandOff("acme", S, HandoffReason.NeedsStoreAction, "server-log")
            .HandOff(S, "acme", HandoffReason.NeedsVendorFix, "store-receipt");

        Assert.That(scenario.FlagsOf(RuleIds.PingPong).Single().Charged, Is.EqualTo(new[] { S }));
    }

    [Test]
    public void When_several_returned_it_without_evidence_each_of_them_is_charged() =>
        Assert.That(new RuleScenario().Path(S, "acme", S, "acme").FlagsOf(RuleIds.PingPong).Single().Charged, Is.EqualTo(new[] { "acme", S }));

    [Test]
    public void A_hub_that_keeps_re_routing_is_named_as_one_and_supersedes_the_bounces_it_is_made_of()
    {
        var scenario = new RuleScenario().Path(S, "acme", S, "photon", S);

        var hub = scenario.FlagsOf(RuleIds.Hub).Single();
        Assert.That(hub.Sentence, Is.EqualTo(
            "Came back to The Store 2 times in 3 hours: The Store routed it to Acme Apps and Photon Devices and each time it came back."));
        Assert.That(hub.Evidence, Is.EqualTo(new long[] { 2, 3, 5, 6 }));
        Assert.That(hub.Charged, Is.EqualTo(new[] { "acme", "photon" }));
        Assert.That(hub.Supersedes, Is.EqualTo(new long[] { 4 }), "the bounce by Acme Apps");
        Assert.That(scenario.FlagsOf(RuleIds.Cycle).Concat(scenario.FlagsOf(RuleIds.PingPong)), Is.Empty);
        Assert.That(scenario.State.Flags.Select(f => f.Rule).Where(RuleIds.Loops.Contains), Is.EqualTo(new[] { RuleIds.Hub }));
    }

    [Test]
    public void Near_miss_one_party_sending_it_back_twice_is_ping_pong_not_a_hub() =>
        Assert.That(new RuleScenario().Path(S, "acme", S, "acme", S).Flags.Select(f => f.Rule), Has.No.Member(RuleIds.Hub));

    [Test]
    public void Near_miss_a_circuit_that_keeps_going_round_through_the_same_party_is_a_cycle_not_a_hub()
    {
        var scenario = new RuleScenario().Path(S, "acme", "photon", "carrier", "acme", "photon", "delta", "acme");
        Assert.That(scenario.FlagsOf(RuleIds.Hub), Is.Empty, "Acme Apps always sends it to Photon Devices");
        Assert.That(scenario.FlagsOf(RuleIds.Cycle), Has.Count.EqualTo(3), "acme, photon, then acme again");
    }

    [Test]
    public void A_cycle_does_not_span_a_resolution_and_reopening()
    {
        var scenario = new RuleScenario().Path(S, "acme", "photon")
            .Append(new ComplaintResolved("photon", RootCause.ProductDefect, "photon", "Patch", T.AddHours(3)))
            .Append(new ComplaintClosed(S, T.AddHours(4)))
            .Append(new ComplaintReopened(S, "Still broken", T.AddHours(5)))
            .Append(new ComplaintHandedOff("photon", S, HandoffReason.Other, null, [], T.AddHours(6)));

        Assert.That(scenario.Flags, Is.Empty);
    }

    [Test]
    public void A_bounce_does_not_span_a_resolution_and_reopening()
    {
        var scenario = new RuleScenario().Path(S, "acme")
            .Append(new ComplaintResolved("acme", RootCause.ProductDefect, "acme", "Patch", T.AddHours(2)))
            .Append(new ComplaintReopened(S, "Still broken", T.AddHours(3)))
            .Append(new ComplaintHandedOff("acme", S, HandoffReason.Other, null, [], T.AddHours(4)));

        Assert.That(scenario.Flags, Is.Empty);
    }

    [Test]
    public void Within_one_episode_a_cycle_still_comes_back_without_anyone_resolving_it()
    {
        var scenario = new RuleScenario().Path(S, "acme", "photon").Append(new ComplaintAcknowledged("photon", T.AddHours(2))).Path("photon", S);
        Assert.That(scenario.FlagsOf(RuleIds.Cycle).Single().Charged, Is.EqualTo(new[] { "photon" }));
    }

    [Test]
    public void Every_flag_names_whom_it_charges()
    {
        var scenario = new RuleScenario().Path(S, "acme").HandOff("acme", "photon", HandoffReason.NotOurComponent)
            .Append(new CustomerRedirected("photon", S, null, T.AddHours(3)));
        Assert.That(scenario.Flags.Select(f => (f.Rule, f.Charged!.Single())), Is.EqualTo(new[]
        {
            (RuleIds.EvidenceFreeHandoff, "acme"), (RuleIds.CustomerDeflection, "photon"),
        }));
    }
}
