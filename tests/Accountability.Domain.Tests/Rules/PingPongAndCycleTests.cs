using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Rules;

public sealed class PingPongAndCycleTests
{
    private const string S = Party.StoreId;

    [Test]
    public void Three_handoffs_back_and_forth_between_two_parties_flag_ping_pong_with_each_handoff_as_evidence()
    {
        var scenario = new RuleScenario().Path(S, "acme", S, "acme");

        var flag = scenario.FlagsOf(RuleIds.PingPong).Single();
        Assert.That(flag.Evidence, Is.EqualTo(new long[] { 2, 3, 5 }), "version 4 is the bounce flag the ping-pong grew from");
        Assert.That(flag.Sentence, Is.EqualTo("Handed back and forth between The Store and Acme Apps 3 times in 2 hours."));
        Assert.That(flag.Severity, Is.EqualTo(Severity.High));
        Assert.That(flag.PolicyVersion, Is.EqualTo(1));
    }

    [Test]
    public void Near_miss_two_handoffs_back_and_forth_are_not_ping_pong() =>
        Assert.That(new RuleScenario().Path(S, "acme", S).FlagsOf(RuleIds.PingPong), Is.Empty);

    [Test]
    public void Near_miss_a_third_party_breaks_the_back_and_forth() =>
        Assert.That(new RuleScenario().Path(S, "acme", "photon", "acme").FlagsOf(RuleIds.PingPong), Is.Empty);

    [Test]
    public void The_same_run_is_flagged_once_and_three_more_handoffs_flag_it_again_superseding_the_earlier_flag()
    {
        var scenario = new RuleScenario().Path(S, "acme", S, "acme", S, "acme");
        Assert.That(scenario.FlagsOf(RuleIds.PingPong), Has.Count.EqualTo(1));

        scenario.HandOff("acme", S);
        var flags = scenario.FlagsOf(RuleIds.PingPong);
        Assert.That(flags, Has.Count.EqualTo(2));
        Assert.That(flags[1].Evidence, Is.SupersetOf(flags[0].Evidence));
        Assert.That(flags[1].Sentence, Does.Contain("6 times"));
        Assert.That(scenario.State.Flags.Select(f => f.Rule).Where(RuleIds.Loops.Contains), Is.EqualTo(new[] { RuleIds.PingPong }), "the complaint shows the story once");
    }

    [Test]
    public void The_threshold_comes_from_the_policy()
    {
        var strict = Policy.Default with { PingPong = Policy.Default.PingPong with { Handoffs = 2 } };
        Assert.That(new RuleScenario(strict).Path(S, "acme", S).FlagsOf(RuleIds.PingPong), Has.Count.EqualTo(1));
    }

    [Test]
    public void Coming_back_through_two_other_parties_is_a_cycle()
    {
        var flag = new RuleScenario().Path(S, "acme", "photon", S).FlagsOf(RuleIds.Cycle).Single();
        Assert.That(flag.Evidence, Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That(flag.Sentence, Is.EqualTo("Came back to The Store after passing through Acme Apps and Photon Devices, without anyone resolving it."));
    }

    [Test]
    public void Near_miss_coming_back_through_one_party_is_ping_pong_territory_not_a_cycle() =>
        Assert.That(new RuleScenario().Path(S, "acme", S).FlagsOf(RuleIds.Cycle), Is.Empty);

    [Test]
    public void Near_miss_moving_on_to_new_parties_is_no_cycle() =>
        Assert.That(new RuleScenario().Path(S, "acme", "photon", "carrier").FlagsOf(RuleIds.Cycle), Is.Empty);

    [Test]
    public void A_longer_loop_is_a_cycle_naming_everyone_in_between() =>
        Assert.That(new RuleScenario().Path(S, "acme", "photon", "carrier", "acme").FlagsOf(RuleIds.Cycle).Single().Sentence,
            Does.StartWith("Came back to Acme Apps after passing through Photon Devices and Carrier Co"));
}
