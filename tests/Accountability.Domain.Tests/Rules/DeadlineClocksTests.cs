using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Rules;

public sealed class DeadlineClocksTests
{
    private const string S = Party.StoreId;

    private static DeadlineClocks? StartedBy(Complaint? before, Complaint after, DateTimeOffset? notBefore = null) =>
        DeadlineClocks.Started(before, after, Policy.Default, RuleScenario.Four, notBefore);

    [Test]
    public void A_new_hold_starts_both_clocks_each_warning_at_eighty_percent_of_its_time()
    {
        var clocks = StartedBy(Given(Filed()), HeldByAcme())!;
        Assert.That(clocks.Clocks, Is.EqualTo(new[]
        {
            new DeadlineClock(new Deadline(DeadlineKind.FirstResponse, "acme", 2, T0.AddHours(24)), T0.AddHours(24 * 0.8), DeadlineState.Pending),
            new DeadlineClock(new Deadline(DeadlineKind.Resolution, "acme", 2, T0.AddHours(120)), T0.AddHours(120 * 0.8), DeadlineState.Pending),
        }));
        Assert.That(clocks.NextDueAt, Is.EqualTo(T0.AddHours(24 * 0.8)));
    }

    [Test]
    public void A_write_that_starts_no_clock_leaves_the_clocks_as_they_are()
    {
        var held = HeldByAcme();
        Assert.That(StartedBy(held, Given(Filed(), HandedOff(S, "acme"), new ComplaintAcknowledged("acme", T0.AddHours(1)))), Is.Null);
        Assert.That(StartedBy(held, Given(Filed(), HandedOff(S, "acme"), Resolved("acme", T0.AddHours(1)))), Is.Null,
            "a stopped clock has no deadlines: the ones before are judged as the complaint stands, and flag nothing");
    }

    [Test]
    public void The_end_of_a_wait_moves_the_deadlines_by_the_time_waited_and_a_warning_already_passed_is_not_owed_again()
    {
        var waiting = Given(Filed(), HandedOff(S, "acme"), new ThirdPartyWaitStarted("acme", "Carrier", null, T0.AddHours(100)));
        var resumed = Given(Filed(), HandedOff(S, "acme"), new ThirdPartyWaitStarted("acme", "Carrier", null, T0.AddHours(100)),
            new ThirdPartyResponded(S, "Found it", T0.AddHours(110)));

        var clocks = StartedBy(waiting, resumed)!;
        var resolution = clocks.Of(DeadlineKind.Resolution);
        Assert.That((resolution.Deadline.DueAt, resolution.WarnAt), Is.EqualTo((T0.AddHours(130), (DateTimeOffset?)null)));
    }

    [Test]
    public void An_import_keeps_only_the_clocks_and_warnings_still_ahead_of_it()
    {
        var clocks = StartedBy(null, HeldByAcme(), notBefore: T0.AddHours(30))!;
        Assert.That(clocks.Clocks.Select(c => (c.Deadline.Kind, c.WarnAt)), Is.EqualTo(new[] { (DeadlineKind.Resolution, (DateTimeOffset?)T0.AddHours(96)) }));
        Assert.That(StartedBy(null, HeldByAcme(), notBefore: T0.AddHours(200)), Is.Null, "nothing left to schedule");
    }

    [Test]
    public void What_is_due_comes_earliest_first_warnings_before_their_deadlines()
    {
        var clocks = StartedBy(null, HeldByAcme())!;
        Assert.That(clocks.DueAt(T0.AddHours(19)), Is.Empty);
        Assert.That(clocks.DueAt(T0.AddHours(100)).Select(a => (a.Kind, a.IsWarning)), Is.EqualTo(new[]
        {
            (DeadlineKind.FirstResponse, true), (DeadlineKind.FirstResponse, false), (DeadlineKind.Resolution, true),
        }));
    }

    [Test]
    public void A_warning_sent_leaves_the_deadline_due_and_a_deadline_judged_leaves_nothing()
    {
        var held = HeldByAcme();
        var clocks = StartedBy(null, held)!;
        var now = T0.AddHours(25);
        var (warning, deadline) = (clocks.DueAt(now)[0], clocks.DueAt(now)[1]);

        clocks = clocks.With(DeadlineClocks.Fire(clocks.Of(DeadlineKind.FirstResponse), warning, held, Policy.Default, RuleScenario.Four, now));
        Assert.That(clocks.Of(DeadlineKind.FirstResponse).State, Is.EqualTo(DeadlineState.Warned));
        Assert.That(clocks.DueAt(now), Is.EqualTo(new[] { deadline }));

        clocks = clocks.With(DeadlineClocks.Fire(clocks.Of(DeadlineKind.FirstResponse), deadline, held, Policy.Default, RuleScenario.Four, now));
        Assert.That(clocks.Of(DeadlineKind.FirstResponse).State, Is.EqualTo(DeadlineState.Fired));
        Assert.That(clocks.DueAt(now), Is.Empty);
        Assert.That(clocks.NextDueAt, Is.EqualTo(T0.AddHours(96)), "the resolution's warning is next");
    }

    [Test]
    public void An_alarm_the_holder_no_longer_owes_cancels_its_clock()
    {
        var clocks = StartedBy(null, HeldByAcme())!;
        var now = T0.AddHours(25);
        var passedOn = Given(Filed(), HandedOff(S, "acme"), HandedOff("acme", "photon", T0.AddHours(2)));
        var acknowledged = Given(Filed(), HandedOff(S, "acme"), new ComplaintAcknowledged("acme", T0.AddHours(1)));
        var firstResponse = clocks.Of(DeadlineKind.FirstResponse);

        foreach (var complaint in new[] { passedOn, acknowledged, null })
            Assert.That(DeadlineClocks.Fire(firstResponse, clocks.DueAt(now)[0], complaint, Policy.Default, RuleScenario.Four, now).State,
                Is.EqualTo(DeadlineState.Cancelled));
    }

    [Test]
    public void A_deadline_a_policy_change_moved_later_waits_for_its_new_time()
    {
        var held = HeldByAcme();
        var clocks = StartedBy(null, held)!;
        var longer = Policy.Default with
        {
            StalledHolder = Policy.Default.StalledHolder with
            {
                Deadlines = [.. Policy.Default.StalledHolder.Deadlines.Select(r => r with { FirstResponseHours = 48 })],
            },
        };
        var now = T0.AddHours(25);
        var moved = DeadlineClocks.Fire(clocks.Of(DeadlineKind.FirstResponse), clocks.DueAt(now)[1], held, longer, RuleScenario.Four, now);
        Assert.That((moved.State, moved.Deadline.DueAt), Is.EqualTo((DeadlineState.Pending, T0.AddHours(48))));
    }
}
