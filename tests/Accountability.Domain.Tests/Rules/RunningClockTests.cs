using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Rules;

/// <summary>The clocks a complaint's holder runs against, as the list and the complaint's answer show them (acme: 24 h to respond, 120 h to resolve).</summary>
public sealed class RunningClockTests
{
    private const string S = Party.StoreId;

    private static IReadOnlyList<RunningClock> Of(Complaint complaint) => RunningClock.Of(complaint, Policy.Default, RuleScenario.Four);

    [Test]
    public void A_new_holds_clocks_are_the_deadlines_the_scheduler_starts()
    {
        var held = HeldByAcme();
        var started = DeadlineClocks.Started(Given(Filed()), held, Policy.Default, RuleScenario.Four)!;

        Assert.That(Of(held).Select(c => (c.Kind, c.Holder, c.DueAt, c.IsPaused)),
            Is.EqualTo(started.Clocks.Select(c => (c.Deadline.Kind, c.Deadline.Holder, c.Deadline.DueAt, false))));
    }

    [Test]
    public void Acknowledging_ends_the_first_response_clock()
    {
        var acknowledged = Given(Filed(), HandedOff(S, "acme"), new ComplaintAcknowledged("acme", T0.AddHours(1)));

        Assert.That(Of(acknowledged).Select(c => (c.Kind, c.DueAt)), Is.EqualTo(new[] { (DeadlineKind.Resolution, T0.AddHours(120)) }));
    }

    [Test]
    public void A_clock_past_its_deadline_is_overdue_with_the_time_since_as_negative_time_left()
    {
        var firstResponse = Of(HeldByAcme())[0];

        Assert.That((firstResponse.IsOverdueAt(T0.AddHours(25)), firstResponse.LeftAt(T0.AddHours(25))), Is.EqualTo((true, TimeSpan.FromHours(-1))));
        Assert.That(firstResponse.IsOverdueAt(T0.AddHours(23)), Is.False);
    }

    [Test]
    public void Waiting_on_the_customer_pauses_the_resolution_clock_with_the_time_left_at_the_pause()
    {
        var waiting = Given(Filed(), HandedOff(S, "acme"), new InformationRequested("acme", "Which version?", T0.AddHours(20)));

        var paused = Of(waiting).Single();

        Assert.That((paused.Kind, paused.IsPaused, paused.LeftAt(T0.AddHours(500))), Is.EqualTo((DeadlineKind.Resolution, true, TimeSpan.FromHours(100))));
        Assert.That(paused.DueFrom(T0.AddHours(500)), Is.EqualTo(T0.AddHours(600)), "due as if the clock ran again then");
        Assert.That(paused.IsOverdueAt(T0.AddHours(1000)), Is.False, "a paused clock is never overdue");
    }

    [Test]
    public void A_resolved_complaint_runs_no_clock() =>
        Assert.That(Of(Given(Filed(), HandedOff(S, "acme"), Resolved("acme", T0.AddHours(1)))), Is.Empty);
}
