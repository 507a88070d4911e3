using System.Runtime.CompilerServices;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.RecurringProblems;
using Accountability.Domain.Rules;
using Accountability.Domain.Tests.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

/// <summary>Commands are data: one decider per stream turns each into its decision, and the rules' judgement keeps each state it folds.</summary>
public sealed class DeciderTests
{
    private static readonly DecisionContext AsOperator = new(Operator, Registered, Policy.Default, T0, TimeSpan.FromDays(14));

    private static IEnumerable<Type> CommandsOf<TCommand>() =>
        typeof(TCommand).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(TCommand).IsAssignableFrom(t));

    [TestCaseSource(nameof(ComplaintCommands))]
    public void Every_command_on_a_complaint_has_a_decision(Type command)
    {
        var blank = (IComplaintCommand)RuntimeHelpers.GetUninitializedObject(command);
        Assert.That(Unhandled(() => ComplaintDecider.Decide(HeldByAcme(), blank, AsOperator)), Is.False, command.Name);
    }

    [TestCaseSource(nameof(ProblemCommands))]
    public void Every_command_on_a_problem_has_a_decision(Type command)
    {
        var blank = (IProblemCommand)RuntimeHelpers.GetUninitializedObject(command);
        var open = RecurringProblem.Evolve(null, new ProblemOpened(Id, "Photo Pro", "crash", "Keeps crashing", Party.StoreId, T0))!;
        Assert.That(Unhandled(() => ProblemDecider.Decide(open, blank, new ProblemContext(Operator, Registered, T0, null))), Is.False, command.Name);
    }

    [Test]
    public void The_decider_gives_what_the_decision_it_names_gives()
    {
        var handOff = new HandOffComplaint("photon", HandoffReason.WrongParty, "not ours", []);
        var asAcme = AsOperator with { Actor = Acme };
        Assert.That(ComplaintDecider.Decide(HeldByAcme(), handOff, asAcme).Events,
            Is.EqualTo(ComplaintDecisions.HandOff(HeldByAcme(), handOff, Acme, Registered, T0).Events));
        ComplaintDecider.Decide(HeldByAcme(), new ReopenComplaint("again"), AsOperator).ShouldRefuse(RefusalCode.NotResolved);
    }

    [Test]
    public void A_problem_link_is_decided_on_the_problem_the_store_says_the_complaint_is_linked_to_now()
    {
        var open = RecurringProblem.Evolve(null, new ProblemOpened(Id, "Photo Pro", "crash", "Keeps crashing", Party.StoreId, T0))!;
        var elsewhere = new ProblemContext(Operator, Registered, T0, CurrentProblemOfComplaint: Guid.NewGuid());
        var decision = ProblemDecider.Decide(open, new LinkComplaint(Guid.NewGuid(), CurrentProblem: null), elsewhere);
        Assert.That(decision.Refusal?.Code, Is.EqualTo(RefusalCode.AlreadyLinked));
    }

    [Test]
    public void Judging_keeps_each_event_with_the_complaint_as_it_leaves_it()
    {
        var scenario = new RuleScenario().Path(Party.StoreId, "acme", Party.StoreId);
        var before = scenario.State;
        var handBack = new ComplaintHandedOff(Party.StoreId, "acme", HandoffReason.NeedsVendorFix, null, [], T0.AddHours(5));

        var steps = RuleEngine.JudgeSteps(before, [handBack], Policy.Default, RuleScenario.Four);

        Assert.That(steps.Select(s => Named(s.Event)),
            Is.EqualTo(new IComplaintEvent[] { handBack }.Concat(RuleEngine.Judge(before, [handBack], Policy.Default, RuleScenario.Four)).Select(Named)));
        Assert.That(steps, Has.Count.GreaterThan(1), "the hand-back is judged: a flag follows it");
        var folded = before;
        foreach (var step in steps)
        {
            folded = Complaint.Evolve(folded, step.Event)!;
            Assert.That(step.After, Is.EqualTo(folded).Using<Complaint>(SameComplaint), step.Event.GetType().Name);
        }
    }

    [Test]
    public void A_deadline_is_judged_by_the_rules_with_no_decision_of_its_own()
    {
        var held = HeldByAcme();
        var deadline = StalledHolderRule.DeadlinesOf(held, Policy.Default, Registered).First();
        var late = AsOperator with { Now = deadline.DueAt.AddHours(1) };

        var judged = ComplaintDecider.DecideAndJudge(held, new JudgeDueDeadline(deadline), late);

        Assert.That(judged.Refusal, Is.Null);
        Assert.That(judged.Steps.Select(s => Named(s.Event)),
            Is.EqualTo(RuleEngine.JudgeDeadline(held, deadline, Policy.Default, Registered, late.Now).Select(Named)));
        Assert.That(judged.Steps.Select(s => s.Event).OfType<FlagRaised>().Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.StalledHolder }));
    }

    public static IEnumerable<Type> ComplaintCommands() => CommandsOf<IComplaintCommand>();

    public static IEnumerable<Type> ProblemCommands() => CommandsOf<IProblemCommand>();

    /// <summary>Whether the decider found no decision for the command; a blank command may fail inside its decision, which is not that.</summary>
    private static bool Unhandled(Action decide)
    {
        try
        {
            decide();
            return false;
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "command")
        {
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>What an event is, comparable: events hold lists, which records compare by reference.</summary>
    private static string Named(IComplaintEvent e) => e is FlagRaised flag ? $"{flag.Rule}: {flag.Sentence}" : e.GetType().Name;

    private static bool SameComplaint(Complaint a, Complaint b) => (a.Version, a.Status, a.Holder, a.Flags.Count, a.Escalation) == (b.Version, b.Status, b.Holder, b.Flags.Count, b.Escalation);
}
