using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Scorecards;
using Accountability.Domain.Tests.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Clocks;

/// <summary>Waiting on the customer pauses the holder's clock: time held, deadlines, the status page and scorecards all agree.</summary>
public sealed class PausedClockTests
{
    private const string S = Party.StoreId;

    /// <summary>acme receives at 1 h, acknowledges at 2 h, asks the customer at 3 h, gets the answer at 13 h: 10 hours paused.</summary>
    private static readonly IComplaintEvent[] AskedAndAnswered =
    [
        Filed(T0), HandedOff(S, "acme", T0.AddHours(1)), new ComplaintAcknowledged("acme", T0.AddHours(2)),
        new InformationRequested("acme", "Which version?", T0.AddHours(3)), new InformationProvided(Party.CustomerId, "2.1", T0.AddHours(13)),
    ];

    [Test]
    public void Time_spent_waiting_on_the_customer_is_not_charged_to_the_holder()
    {
        var state = Given(AskedAndAnswered);
        Assert.That(state.TimeHeld(T0.AddHours(15))["acme"], Is.EqualTo(TimeSpan.FromHours(4)));
        Assert.That(Given(AskedAndAnswered[..4]).TimeHeld(T0.AddHours(9))["acme"], Is.EqualTo(TimeSpan.FromHours(2)), "paused while waiting");
    }

    [Test]
    public void No_resolution_deadline_falls_due_while_the_customer_is_being_waited_on()
    {
        var flags = Replay.Run(AskedAndAnswered[..4], Policy.Default, RuleScenario.Four, T0.AddDays(60));
        Assert.That(flags, Is.Empty);
    }

    [Test]
    public void The_resolution_deadline_moves_later_by_the_time_spent_waiting()
    {
        var flags = Replay.Run(AskedAndAnswered, Policy.Default, RuleScenario.Four, T0.AddDays(60));
        Assert.That(flags.Select(f => (f.At, f.Sentence)), Is.EqualTo(new[]
        {
            (T0.AddHours(1 + 120 + 10), "Acme Apps has not resolved the complaint within 5 days of receiving it, not counting time spent waiting."),
        }));
    }

    [Test]
    public void The_status_page_promises_a_fix_later_by_the_time_spent_waiting()
    {
        var status = AskedAndAnswered.Aggregate((CustomerStatus?)null, CustomerStatus.Evolve)!;
        var next = NextStep.Of(status, PartyKind.Vendor, Policy.Default, TimeSpan.FromDays(30), T0.AddHours(14));
        Assert.That(next, Is.EqualTo(new NextStep(NextStepKind.HolderFixes, "acme", T0.AddHours(1 + 120 + 10))));
    }

    [Test]
    public void Scorecards_leave_the_time_spent_waiting_out_of_time_held_and_time_to_resolve()
    {
        IComplaintEvent[] history = [.. AskedAndAnswered, Resolved("acme", T0.AddHours(15))];
        ScorecardTrack? track = null;
        var facts = new List<ScorecardFact>();
        for (var i = 0; i < history.Length; i++)
        {
            (track, var proved, _) = ScorecardTrack.Evolve(track, history[i], i + 1);
            facts.AddRange(proved);
        }
        Assert.That(facts.Where(f => f.Kind == FactKinds.HoldEnded && f.Party == "acme").Sum(f => f.Value), Is.EqualTo(4 * 3600));
        Assert.That(facts.Single(f => f.Kind == FactKinds.Resolved).Value, Is.EqualTo(4 * 3600));
        Assert.That(Given(history).TimeHeld(T0.AddDays(9))["acme"], Is.EqualTo(TimeSpan.FromHours(4)), "the same clock as the complaint's");
    }
}
