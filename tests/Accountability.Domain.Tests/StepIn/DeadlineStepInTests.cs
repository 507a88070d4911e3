using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Tests.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.StepIn;

/// <summary>The policy's step-in when the holder lets its acknowledgement deadline pass: judged through the one decider, as the scheduler fires it.</summary>
public sealed class DeadlineStepInTests
{
    private const string S = Party.StoreId;
    private static readonly Deadline Acknowledgement = new(DeadlineKind.FirstResponse, "acme", 2, T0.AddHours(24));
    private static readonly Policy StepsIn = Policy.Default with { StepIn = new StepInSettings(Enabled: true) };

    private static JudgedDecision Fire(Complaint complaint, Deadline deadline, Policy policy, DateTimeOffset now) =>
        ComplaintDecider.DecideAndJudge(complaint, new JudgeDueDeadline(deadline),
            new DecisionContext(new Actor(RuleEngine.Actor, ActorKind.Operator), RuleScenario.Four, policy, now, TimeSpan.FromDays(30)));

    [Test]
    public void Off_by_default_a_missed_acknowledgement_only_flags()
    {
        var judged = Fire(HeldByAcme(), Acknowledgement, Policy.Default, T0.AddHours(25));
        Assert.That(judged.Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[] { typeof(FlagRaised), typeof(ComplaintEscalated) }));
        Assert.That(judged.Steps[^1].After.Holder, Is.EqualTo("acme"));
    }

    [Test]
    public void With_the_policy_on_the_store_takes_over_after_the_flag_and_its_own_clock_starts()
    {
        var now = T0.AddHours(25);
        var judged = Fire(HeldByAcme(), Acknowledgement, StepsIn, now);

        Assert.That(judged.Steps.Select(s => s.Event), Has.Exactly(1).InstanceOf<ComplaintTakenOver>());
        Assert.That(judged.Steps.Select(s => s.Event.GetType()),
            Is.EqualTo(new[] { typeof(FlagRaised), typeof(ComplaintEscalated), typeof(ComplaintTakenOver) }));
        Assert.That(judged.Steps[^1].Event, Is.EqualTo(new ComplaintTakenOver("acme", S, TakeOverCause.AcknowledgementMissed, now)));
        var after = judged.Steps[^1].After;
        Assert.That((after.Holder, after.Status, after.HoldStartVersion, after.Clock.HoldStart), Is.EqualTo((S, ComplaintStatus.Open, 5L, now)));
        Assert.That(StalledHolderRule.DeadlinesOf(after, StepsIn, RuleScenario.Four)[0],
            Is.EqualTo(new Deadline(DeadlineKind.FirstResponse, S, 5, now.AddHours(8))), "the store's own acknowledgement deadline");
    }

    [Test]
    public void A_named_fallback_party_takes_over_instead_of_the_store()
    {
        var judged = Fire(HeldByAcme(), Acknowledgement, StepsIn with { StepIn = new StepInSettings(true, "photon") }, T0.AddHours(25));
        Assert.That(judged.Steps[^1].Event, Is.EqualTo(new ComplaintTakenOver("acme", "photon", TakeOverCause.AcknowledgementMissed, T0.AddHours(25))));
    }

    [Test]
    public void An_unregistered_fallback_party_leaves_it_to_the_store() =>
        Assert.That(((ComplaintTakenOver)Fire(HeldByAcme(), Acknowledgement, StepsIn with { StepIn = new StepInSettings(true, "gone") }, T0.AddHours(25))
            .Steps[^1].Event).To, Is.EqualTo(S));

    [Test]
    public void A_fallback_party_left_empty_or_naming_the_customer_is_a_policy_problem()
    {
        Assert.That(StepsIn.Problems(), Is.Empty);
        foreach (var fallback in new[] { "", Party.CustomerId, new string('x', 101) })
            Assert.That(StepsIn with { StepIn = new StepInSettings(true, fallback) } is var policy ? policy.Problems().Keys : [], Is.EqualTo(new[] { "stepIn.fallbackParty" }), fallback);
    }

    [Test]
    public void Nothing_moves_when_the_holder_acknowledged_in_time_or_passed_it_on()
    {
        var acknowledged = Given(Filed(), HandedOff(S, "acme"), new ComplaintAcknowledged("acme", T0.AddHours(23)));
        var passedOn = Given(Filed(), HandedOff(S, "acme"), HandedOff("acme", "photon", T0.AddHours(23)));
        Assert.That(Fire(acknowledged, Acknowledgement, StepsIn, T0.AddHours(25)).Steps, Is.Empty);
        Assert.That(Fire(passedOn, Acknowledgement, StepsIn, T0.AddHours(25)).Steps, Is.Empty);
    }

    [Test]
    public void Nothing_moves_before_the_deadline_or_on_a_missed_resolution_deadline()
    {
        Assert.That(Fire(HeldByAcme(), Acknowledgement, StepsIn, T0.AddHours(23)).Steps, Is.Empty);
        var acknowledged = Given(Filed(), HandedOff(S, "acme"), new ComplaintAcknowledged("acme", T0.AddHours(1)));
        var resolution = new Deadline(DeadlineKind.Resolution, "acme", 2, T0.AddHours(120));
        var judged = Fire(acknowledged, resolution, StepsIn, T0.AddHours(121));
        Assert.That(judged.Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[] { typeof(FlagRaised), typeof(ComplaintEscalated) }),
            "the resolution deadline is a different clock: it flags, and the store does not step in on it");
    }

    [Test]
    public void Firing_the_same_deadline_again_after_the_takeover_does_nothing()
    {
        var first = Fire(HeldByAcme(), Acknowledgement, StepsIn, T0.AddHours(25));
        Assert.That(Fire(first.Steps[^1].After, Acknowledgement, StepsIn, T0.AddHours(26)).Steps, Is.Empty);
    }

    [Test]
    public void The_store_missing_its_own_acknowledgement_is_flagged_and_stays_with_the_store()
    {
        var atStore = Given(Filed());
        var judged = Fire(atStore, new Deadline(DeadlineKind.FirstResponse, S, 1, T0.AddHours(8)), StepsIn, T0.AddHours(9));
        Assert.That(judged.Steps.Select(s => s.Event), Has.None.InstanceOf<ComplaintTakenOver>());
        Assert.That(judged.Steps.Select(s => s.Event), Has.Some.InstanceOf<FlagRaised>());
    }

    [Test]
    public void The_takeover_starts_the_loops_afresh_so_the_store_is_not_charged_with_a_bounce()
    {
        var judged = Fire(HeldByAcme(), Acknowledgement, StepsIn, T0.AddHours(25));
        Assert.That(judged.Steps.Select(s => s.Event).OfType<FlagRaised>().Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.StalledHolder }),
            "store to acme and back to the store is not a bounce when the policy moved it");
        Assert.That(judged.Steps[^1].After.Track.Path, Is.Empty);
    }

    [Test]
    public void A_replay_judges_the_deadline_without_moving_the_complaint_again()
    {
        var recorded = Fire(HeldByAcme(), Acknowledgement, StepsIn, T0.AddHours(25)).Steps.Select(s => s.Event).ToList();
        IComplaintEvent[] history = [Filed(), HandedOff(S, "acme"), .. recorded];
        var played = Replay.Play(history, StepsIn, RuleScenario.Four, T0.AddHours(26));
        Assert.That(played.OfType<ComplaintTakenOver>(), Has.Exactly(1).Items, "the recorded takeover is a fact; the replay moves nothing itself");
        Assert.That(played.OfType<FlagRaised>().Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.StalledHolder }));
    }
}
