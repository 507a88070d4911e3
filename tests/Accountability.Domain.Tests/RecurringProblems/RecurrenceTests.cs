using Accountability.Domain.RecurringProblems;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.RecurringProblems.ProblemScenario;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.RecurringProblems;

public sealed class RecurrenceTests
{
    private static readonly RecurringProblemSettings ThreeInAWeek = RecurringProblemSettings.Default;

    private static (Guid, DateTimeOffset) FiledDaysAgo(double days) => (Guid.NewGuid(), T0.AddDays(-days));

    [Test]
    public void Three_complaints_within_seven_days_open_a_problem_linking_all_three()
    {
        var decision = ProblemDecisions.OpenRecurring(ProblemId, "Photo Pro", "crash", [FiledDaysAgo(6.9), FiledDaysAgo(2), FiledDaysAgo(0)], ThreeInAWeek, T0);
        Assert.That(decision.Refusal, Is.Null);
        Assert.That(decision.Events[0], Is.EqualTo(new ProblemOpened(ProblemId, "Photo Pro", "crash", "3 complaints about Photo Pro (crash) within 7 days.", null, T0)));
        var problem = GivenProblem([.. decision.Events]);
        Assert.That((problem.OpenedAutomatically, problem.LinkedComplaints.Count), Is.EqualTo((true, 3)));
    }

    [Test]
    public void Two_complaints_open_nothing() =>
        Assert.That(ProblemDecisions.OpenRecurring(ProblemId, "Photo Pro", "crash", [FiledDaysAgo(1), FiledDaysAgo(0)], ThreeInAWeek, T0).Events, Is.Empty);

    [Test]
    public void A_complaint_filed_before_the_window_does_not_count() =>
        Assert.That(ProblemDecisions.OpenRecurring(ProblemId, "Photo Pro", "crash", [FiledDaysAgo(7), FiledDaysAgo(1), FiledDaysAgo(0)], ThreeInAWeek, T0).Events, Is.Empty);

    [Test]
    public void Nothing_opens_while_the_setting_is_off() =>
        Assert.That(ProblemDecisions.OpenRecurring(ProblemId, "Photo Pro", "crash", [FiledDaysAgo(2), FiledDaysAgo(1), FiledDaysAgo(0)], ThreeInAWeek with { Enabled = false }, T0).Events, Is.Empty);

    [Test]
    public void The_service_links_a_later_complaint_without_an_actor() =>
        ProblemDecisions.Link(GivenProblem(Opened(null)), new(Second, null), null, T0).ShouldEmit<ComplaintLinked>(e => Assert.That(e.By, Is.Null));

    [Test]
    public void A_policy_saved_before_recurring_problems_existed_gets_the_default() =>
        Assert.That(System.Text.Json.JsonSerializer.Deserialize<Policy>(
            System.Text.Json.JsonSerializer.Serialize(Policy.Default with { RecurringProblems = null! }).Replace(",\"RecurringProblems\":null", ""))!.RecurringProblems,
            Is.EqualTo(RecurringProblemSettings.Default));
}
