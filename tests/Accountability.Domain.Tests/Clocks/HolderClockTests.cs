using Accountability.Domain.Clocks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Scorecards;
using Accountability.Domain.Tests.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Clocks;

/// <summary>Waiting on a third party pauses the holder's clock; cancelling stops it; every reader agrees with the one clock.</summary>
public sealed class HolderClockTests
{
    private const string S = Party.StoreId;

    private static readonly Deadline AcmesResolution = new(DeadlineKind.Resolution, "acme", 2, T0.AddHours(1 + 120));

    /// <summary>acme receives at 1 h, acknowledges at 2 h, waits on a carrier from 3 h to 27 h, then works again.</summary>
    private static readonly IComplaintEvent[] WaitedOnACarrier =
    [
        Filed(T0), HandedOff(S, "acme", T0.AddHours(1)), new ComplaintAcknowledged("acme", T0.AddHours(2)),
        new ThirdPartyWaitStarted("acme", "Carrier", "Parcel lost", T0.AddHours(3)), new ThirdPartyResponded("acme", "Found it", T0.AddHours(27)),
    ];

    [Test]
    public void Waiting_on_a_third_party_pauses_the_holders_clock_and_the_answer_restarts_it()
    {
        Assert.That(Given(WaitedOnACarrier[..4]).Clock.State, Is.EqualTo(ClockState.Paused));
        var answered = Given(WaitedOnACarrier);
        Assert.That((answered.Status, answered.Clock.State), Is.EqualTo((ComplaintStatus.InProgress, ClockState.Running)));
        Assert.That(answered.TimeHeld(T0.AddHours(30))["acme"], Is.EqualTo(TimeSpan.FromHours(5)));
    }

    [Test]
    public void A_deadline_scheduled_before_a_wait_flags_nothing_when_it_falls_due_during_the_wait()
    {
        var waiting = Given(Filed(T0), HandedOff(S, "acme", T0.AddHours(1)), new InformationRequested("acme", "Which version?", T0.AddHours(3)));
        Assert.That(RuleEngine.JudgeDeadline(waiting, AcmesResolution, Policy.Default, RuleScenario.Four, T0.AddHours(200)), Is.Empty);
    }

    [Test]
    public void A_deadline_scheduled_before_a_wait_fires_only_when_the_clock_has_run_its_full_time()
    {
        var resumed = Given(WaitedOnACarrier);
        Assert.That(RuleEngine.JudgeDeadline(resumed, AcmesResolution, Policy.Default, RuleScenario.Four, AcmesResolution.DueAt), Is.Empty);
        var flag = RuleEngine.JudgeDeadline(resumed, AcmesResolution, Policy.Default, RuleScenario.Four, T0.AddHours(145)).OfType<FlagRaised>().Single();
        Assert.That(flag.At, Is.EqualTo(T0.AddHours(1 + 120 + 24)));
    }

    [Test]
    public void Cancelling_stops_every_clock_and_no_deadline_or_flag_follows()
    {
        var cancelled = Given(Filed(T0), HandedOff(S, "acme", T0.AddHours(1)), new ComplaintCancelled(S, "Withdrawn", T0.AddHours(4)));
        Assert.That((cancelled.Status, cancelled.Clock.State, cancelled.ClosedAt), Is.EqualTo((ComplaintStatus.Cancelled, ClockState.Stopped, T0.AddHours(4))));
        Assert.That(cancelled.TimeHeld(T0.AddDays(40))["acme"], Is.EqualTo(TimeSpan.FromHours(3)));
        Assert.That(StalledHolderRule.DeadlinesOf(cancelled, Policy.Default, RuleScenario.Four), Is.Empty);
        Assert.That(RuleEngine.JudgeDeadline(cancelled, AcmesResolution, Policy.Default, RuleScenario.Four, T0.AddDays(40)), Is.Empty);
        Assert.That(Replay.Run([Filed(T0), HandedOff(S, "acme", T0.AddHours(1)), new ComplaintCancelled(S, "Withdrawn", T0.AddHours(4))],
            Policy.Default, RuleScenario.Four, T0.AddDays(40)), Is.Empty);
    }

    [Test]
    public void No_flag_is_raised_for_time_after_the_complaint_ended()
    {
        IComplaintEvent[] history = [Filed(T0), HandedOff(S, "acme", T0.AddHours(1)), new ComplaintAcknowledged("acme", T0.AddHours(2)), Resolved("acme", T0.AddHours(100)), Closed(T0.AddHours(110))];
        Assert.That(Replay.Run(history, Policy.Default, RuleScenario.Four, T0.AddDays(400)), Is.Empty);
    }

    [Test]
    public void Waiting_for_the_customer_to_try_a_proposed_fix_pauses_the_clock_until_it_is_rejected()
    {
        var proposed = Given(Filed(T0), HandedOff(S, "acme", T0.AddHours(1)), new ResolutionProposed("acme", "Update", T0.AddHours(2)));
        Assert.That(proposed.TimeHeld(T0.AddHours(50))["acme"], Is.EqualTo(TimeSpan.FromHours(1)));
        var rejected = Complaint.Evolve(proposed, new ResolutionRejected(Party.CustomerId, "Still broken", T0.AddHours(10)))!;
        Assert.That(rejected.TimeHeld(T0.AddHours(12))["acme"], Is.EqualTo(TimeSpan.FromHours(3)));
    }

    [Test]
    public void The_status_page_names_the_wait_and_promises_no_date_while_it_lasts()
    {
        var status = WaitedOnACarrier[..4].Aggregate((CustomerStatus?)null, CustomerStatus.Evolve)!;
        Assert.That(NextStep.Of(status, PartyKind.Vendor, Policy.Default, TimeSpan.FromDays(30), T0.AddHours(5)),
            Is.EqualTo(new NextStep(NextStepKind.HolderWaitsOnThirdParty, "acme", null)));
        Assert.That(status.Milestones[^1].Kind, Is.EqualTo(MilestoneKind.WaitingOnThirdParty));
    }

    [Test]
    public void Scorecard_holds_the_complaints_time_held_and_the_status_page_read_the_same_clock()
    {
        IComplaintEvent[] history =
        [
            .. WaitedOnACarrier, new InformationRequested("acme", "Address?", T0.AddHours(28)), new InformationProvided(Party.CustomerId, "Here", T0.AddHours(40)),
            HandedOff("acme", "photon", T0.AddHours(41)), new ResolutionProposed("photon", "Replace", T0.AddHours(43)),
            new ResolutionRejected(Party.CustomerId, null, T0.AddHours(50)), new ComplaintCancelled(S, "Withdrawn", T0.AddHours(52)),
        ];
        ScorecardTrack? track = null;
        var holdEnded = new List<ScorecardFact>();
        for (var i = 0; i < history.Length; i++)
        {
            (track, var facts, _) = ScorecardTrack.Evolve(track, history[i], i + 1);
            holdEnded.AddRange(facts.Where(f => f.Kind == FactKinds.HoldEnded));
        }
        var complaint = Given(history);
        var status = history.Aggregate((CustomerStatus?)null, CustomerStatus.Evolve)!;
        var byScorecards = holdEnded.GroupBy(f => f.Party).ToDictionary(g => g.Key, g => TimeSpan.FromSeconds(g.Sum(f => f.Value ?? 0)));
        Assert.That(byScorecards, Is.EquivalentTo(complaint.TimeHeld(T0.AddDays(9))));
        Assert.That(complaint.TimeHeld(T0.AddDays(9))["photon"], Is.EqualTo(TimeSpan.FromHours(2 + 2)));
        Assert.That(status.Clock, Is.EqualTo(complaint.Clock).Using<HolderClock>((a, b) => a.TimeHeld(T0.AddDays(9)).SequenceEqual(b.TimeHeld(T0.AddDays(9)))));
    }
}
