using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Rules;

public sealed class StalledHolderRuleTests
{
    private const string S = Party.StoreId;

    [Test]
    public void A_vendor_receiving_a_medium_complaint_has_a_day_to_acknowledge_and_five_to_resolve()
    {
        var deadlines = StalledHolderRule.DeadlinesOf(HeldByAcme(), Policy.Default, RuleScenario.Four);
        Assert.That(deadlines, Is.EqualTo(new[]
        {
            new Deadline(DeadlineKind.FirstResponse, "acme", 2, T0.AddHours(24)),
            new Deadline(DeadlineKind.Resolution, "acme", 2, T0.AddHours(120)),
        }));
    }

    [Test]
    public void A_critical_complaint_at_the_store_has_the_tightest_deadlines() =>
        Assert.That(StalledHolderRule.DeadlinesOf(Given(Filed() with { Severity = Severity.Critical }), Policy.Default, RuleScenario.Four)
            .Select(d => d.DueAt), Is.EqualTo(new[] { T0.AddHours(1), T0.AddHours(8) }));

    [Test]
    public void A_missed_first_response_flags_the_holder_and_escalates()
    {
        var complaint = HeldByAcme();
        var deadline = new Deadline(DeadlineKind.FirstResponse, "acme", 2, T0.AddHours(24));
        var followUps = RuleEngine.JudgeDeadline(complaint, deadline, Policy.Default, RuleScenario.Four, T0.AddHours(25));

        var flag = followUps.OfType<FlagRaised>().Single();
        Assert.That(flag.Sentence, Is.EqualTo("Acme Apps has not acknowledged the complaint within 24 hours of receiving it."));
        Assert.That(flag.Evidence, Is.EqualTo(new long[] { 2 }));
        Assert.That(flag.At, Is.EqualTo(deadline.DueAt));
        Assert.That(followUps.OfType<ComplaintEscalated>(), Has.Exactly(1).Items);
    }

    [Test]
    public void Near_miss_acknowledged_in_time()
    {
        var complaint = Given(Filed(), HandedOff(S, "acme"), new ComplaintAcknowledged("acme", T0.AddHours(3)));
        var deadline = new Deadline(DeadlineKind.FirstResponse, "acme", 2, T0.AddHours(24));
        Assert.That(RuleEngine.JudgeDeadline(complaint, deadline, Policy.Default, RuleScenario.Four, T0.AddHours(25)), Is.Empty);
    }

    [Test]
    public void Near_miss_the_holder_passed_it_on_before_the_deadline()
    {
        var complaint = Given(Filed(), HandedOff(S, "acme"), HandedOff("acme", "photon", T0.AddHours(2)));
        var deadline = new Deadline(DeadlineKind.FirstResponse, "acme", 2, T0.AddHours(24));
        Assert.That(RuleEngine.JudgeDeadline(complaint, deadline, Policy.Default, RuleScenario.Four, T0.AddHours(25)), Is.Empty);
    }

    [Test]
    public void Near_miss_not_due_yet() =>
        Assert.That(RuleEngine.JudgeDeadline(HeldByAcme(), new Deadline(DeadlineKind.Resolution, "acme", 2, T0.AddHours(120)),
            Policy.Default, RuleScenario.Four, T0.AddHours(119)), Is.Empty);

    [Test]
    public void Near_miss_resolved_in_time_and_a_resolved_complaint_has_no_deadlines()
    {
        var resolved = Given(Filed(), HandedOff(S, "acme"), Resolved("acme", T0.AddHours(50)));
        var deadline = new Deadline(DeadlineKind.Resolution, "acme", 2, T0.AddHours(120));
        Assert.That(RuleEngine.JudgeDeadline(resolved, deadline, Policy.Default, RuleScenario.Four, T0.AddHours(121)), Is.Empty);
        Assert.That(StalledHolderRule.DeadlinesOf(resolved, Policy.Default, RuleScenario.Four), Is.Empty);
    }

    [Test]
    public void Reopening_starts_a_new_hold_with_new_deadlines()
    {
        var reopened = Given(Filed(), HandedOff(S, "acme"), Resolved("acme", T0.AddHours(5)), new ComplaintReopened(S, "Still broken", T0.AddHours(30)));
        Assert.That(reopened.HoldStartVersion, Is.EqualTo(4));
        Assert.That(StalledHolderRule.DeadlinesOf(reopened, Policy.Default, RuleScenario.Four)[0].DueAt, Is.EqualTo(T0.AddHours(54)));
    }
}
