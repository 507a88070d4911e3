using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Rules;

public sealed class RejudgingTests
{
    private const string S = Party.StoreId;
    private static readonly DateTimeOffset Now = T0.AddHours(8);
    private static readonly Policy WithoutBounce = Policy.Default with { Version = 1, Bounce = Policy.Default.Bounce with { Enabled = false } };
    private static readonly Policy Current = Policy.Default with { Version = 2 };

    private static Rejudgement Judge(IReadOnlyList<IComplaintEvent> history, Policy policy) => Rejudging.Judge(history, policy, RuleScenario.Four, Now);

    [Test]
    public void A_flag_the_rules_now_raise_but_the_history_lacks_is_raised_with_the_recorded_events_as_evidence()
    {
        var recorded = new RuleScenario(WithoutBounce).Path(S, "acme", S).Stream;
        var judged = Judge(recorded, Current);
        Assert.That(judged.Withdrawn, Is.Empty);
        var bounce = judged.Raised.Single();
        Assert.That((bounce.Rule, bounce.PolicyVersion, bounce.Supersedes), Is.EqualTo((RuleIds.Bounce, 2, (IReadOnlyList<long>?)null)));
        Assert.That(bounce.Evidence, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(bounce.Charged, Is.EqualTo(new[] { "acme" }));
    }

    [Test]
    public void A_standing_flag_the_rules_no_longer_raise_is_withdrawn_by_its_version_and_stays_in_the_history()
    {
        var recorded = new RuleScenario(Current).Path(S, "acme", S).Stream;
        var judged = Judge(recorded, WithoutBounce with { Version = 3 });
        Assert.That(judged.Raised, Is.Empty);
        var withdrawn = judged.Withdrawn.Single();
        Assert.That((withdrawn.Rule, withdrawn.Flag, withdrawn.PolicyVersion, withdrawn.At), Is.EqualTo((RuleIds.Bounce, 4L, 3, Now)));
        Assert.That(recorded[3], Is.InstanceOf<FlagRaised>(), "version 4 is the bounce flag");
        Assert.That(withdrawn.Reason, Does.Contain("policy version 3"));
    }

    [Test]
    public void A_recorded_flag_is_the_same_flag_though_the_replay_numbers_the_events_after_its_own_earlier_flag_differently()
    {
        // Recorded without the bounce, so the ping-pong's evidence is versions 2, 3, 4. The replay weaves a bounce in after
        // version 3, so it sees the last handoff as its version 5: renumbered, the ping-pong is the recorded one.
        var recorded = new RuleScenario(WithoutBounce).Path(S, "acme", S, "acme").Stream;
        Assert.That(recorded.OfType<FlagRaised>().Select(f => (f.Rule, string.Join(",", f.Evidence))), Is.EqualTo(new[] { (RuleIds.PingPong, "2,3,4") }));
        Assert.That(Judge(recorded, Current).IsEmpty, Is.True, "the bounce the replay raises is superseded by the same ping-pong");
    }

    [Test]
    public void A_superseded_flag_is_not_withdrawn_and_a_flag_already_withdrawn_is_not_withdrawn_again()
    {
        var recorded = new RuleScenario(Current).Path(S, "acme", S, "acme").Stream;
        Assert.That(Judge(recorded, Current).IsEmpty, Is.True, "the bounce is superseded by the ping-pong, as the replay says");

        var loose = Current with { Version = 3, PingPong = Current.PingPong with { Enabled = false }, Bounce = Current.Bounce with { Enabled = false } };
        var first = Judge(recorded, loose);
        Assert.That(first.Withdrawn.Select(w => w.Rule), Is.EqualTo(new[] { RuleIds.PingPong }), "only the flag that stands");
        Assert.That(Judge([.. recorded, .. first.Events], loose).IsEmpty, Is.True);
    }

    [Test]
    public void Judging_again_after_the_differences_are_written_finds_none()
    {
        var recorded = new RuleScenario(WithoutBounce).Path(S, "acme", S)
            .Append(Resolved(S, T0.AddHours(2.5))).Append(new ComplaintReopened("cust-1", "Still broken", T0.AddHours(2.5)))
            .Path(S, "photon", S, "photon").Stream;
        var first = Judge(recorded, Current);
        Assert.That(first.Raised.Select(f => (f.Rule, string.Join(",", f.Evidence))), Is.EqualTo(new[] { (RuleIds.Bounce, "2,3") }),
            "the first episode's bounce; the second's ping-pong stands as recorded");
        Assert.That(first.Withdrawn, Is.Empty);
        Assert.That(Judge([.. recorded, .. first.Events], Current).IsEmpty, Is.True);
    }

    [Test]
    public void A_flag_whose_story_a_withdrawn_flag_had_superseded_is_raised_again()
    {
        // Recorded: bounce, then ping-pong superseding it. Under rules without ping-pong, the bounce stands again.
        var recorded = new RuleScenario(Current).Path(S, "acme", S, "acme").Stream;
        var judged = Judge(recorded, Current with { Version = 3, PingPong = Current.PingPong with { Enabled = false } });
        Assert.That(judged.Withdrawn.Select(w => w.Rule), Is.EqualTo(new[] { RuleIds.PingPong }));
        Assert.That(judged.Raised.Select(f => (f.Rule, string.Join(",", f.Evidence))), Is.EqualTo(new[] { (RuleIds.Bounce, "2,3") }));
    }

    [Test]
    public void A_withdrawn_flag_no_longer_stands_on_the_complaint_nor_names_its_rule_when_it_was_the_rules_only_flag()
    {
        var recorded = new RuleScenario(Current).Path(S, "acme", S).Stream;
        var state = Given([.. recorded, new FlagWithdrawn(RuleIds.Bounce, 4, "Re-judged.", 3, Now)]);
        Assert.That(state.Flags, Is.Empty);
        Assert.That(state.FlaggedRules, Is.Empty);
        Assert.That(state.Version, Is.EqualTo(recorded.Count + 1));
        Assert.That(state.Track.LoopFlags, Is.Empty, "a later loop flag cannot supersede a withdrawn one");
    }
}
