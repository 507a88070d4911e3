using Accountability.Domain.Decisions;
using Accountability.Domain.RecurringProblems;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.RecurringProblems;

/// <summary>Given these problem events, when a decision is made, then these events or this refusal.</summary>
public static class ProblemScenario
{
    public static readonly Guid ProblemId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    public static readonly Guid First = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid Second = Guid.Parse("22222222-2222-2222-2222-222222222222");

    public static ProblemOpened Opened(string? by = "store") => new(ProblemId, "Photo Pro", "crash", "Crashes on start", by, T0);

    public static RecurringProblem GivenProblem(params IProblemEvent[] events) =>
        events.Aggregate((RecurringProblem?)null, (state, e) => RecurringProblem.Evolve(state, e)) ?? throw new InvalidOperationException("No ProblemOpened first.");

    /// <summary>An open problem with one complaint linked and acme as its owner.</summary>
    public static RecurringProblem OwnedByAcme() => GivenProblem(Opened(), new ComplaintLinked(First, null, T0), new ProblemOwnerAssigned("acme", "store", T0));

    public static RecurringProblem Resolved() => GivenProblem(
        Opened(), new ComplaintLinked(First, null, T0), new ProblemOwnerAssigned("acme", "store", T0),
        new ProblemResolved(Complaints.RootCause.ProductDefect, "Bad build", "Update to 1.2", "store", T0));

    public static void ShouldEmit<T>(this ProblemDecision decision, Action<T>? check = null) where T : IProblemEvent
    {
        Assert.That(decision.Refusal, Is.Null, () => $"refused: {decision.Refusal}");
        Assert.That(decision.Events, Has.Count.EqualTo(1));
        Assert.That(decision.Events[0], Is.InstanceOf<T>());
        check?.Invoke((T)decision.Events[0]);
    }

    public static void ShouldRefuse(this ProblemDecision decision, RefusalCode code)
    {
        Assert.That(decision.Refusal?.Code, Is.EqualTo(code), () => $"events: {string.Join(", ", decision.Events)}");
        Assert.That(decision.Events, Is.Empty, "a refusal emits nothing");
        Assert.That(decision.Refusal!.Detail, Is.Not.Empty);
    }
}
