using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.StepIn;

/// <summary>What happens next and what the customer last said, as the domain decides them for the status page: one row per state.</summary>
public sealed class NextStepTests
{
    private const string S = Party.StoreId;
    private const string C = Party.CustomerId;
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly ComplaintHandedOff ToAcme = HandedOff(S, "acme", T0.AddHours(1));
    private static readonly ResolutionProposed Fix = new("acme", "Update to 2.1", T0.AddHours(2));

    private static IEnumerable<TestCaseData> States()
    {
        yield return Row("a fix proposed: the customer tries it", [Filed(), ToAcme, Fix], NextStepKind.CustomerTriesFix, null);
        yield return Row("the customer confirmed the fix: the holder resolves it", [Filed(), ToAcme, Fix, new ResolutionConfirmed(C, T0.AddHours(3))],
            NextStepKind.HolderResolves, MilestoneKind.FixConfirmed);
        yield return Row("a new fix after a confirmed one: the customer tries it again", [Filed(), ToAcme, Fix, new ResolutionConfirmed(C, T0.AddHours(3)),
            new ResolutionProposed("acme", "Update to 2.2", T0.AddHours(4))], NextStepKind.CustomerTriesFix, null);
        yield return Row("the customer rejected the fix: the holder fixes it", [Filed(), ToAcme, Fix, new ResolutionRejected(C, null, T0.AddHours(3))],
            NextStepKind.HolderFixes, MilestoneKind.FixRejected);
        yield return Row("the customer answered: the holder goes on", [Filed(), ToAcme, new InformationRequested("acme", "?", T0.AddHours(2)),
            new InformationProvided(C, "2.1", T0.AddHours(3))], NextStepKind.HolderFixes, MilestoneKind.InformationProvided);
        yield return Row("the operator answered for the customer: nothing the customer said", [Filed(), ToAcme,
            new InformationRequested("acme", "?", T0.AddHours(2)), new InformationProvided(S, "2.1", T0.AddHours(3))], NextStepKind.HolderFixes, null);
        yield return Row("the customer asked the store to step in and it took over", [Filed(), ToAcme, new StepInRequested(C, T0.AddHours(3)),
            new FlagRaised(RuleIds.StepInRequested, Severity.Medium, [4], "x", 1, T0.AddHours(3)), new ComplaintEscalated(RuleIds.StepInRequested, "x", T0.AddHours(3)),
            new ComplaintTakenOver("acme", S, TakeOverCause.CustomerAsked, T0.AddHours(3))], NextStepKind.HolderPicksUp, MilestoneKind.StepInAsked);
        yield return Row("the store acknowledged after the request: no longer what the customer said last", [Filed(), ToAcme, new StepInRequested(C, T0.AddHours(3)),
            new ComplaintTakenOver("acme", S, TakeOverCause.CustomerAsked, T0.AddHours(3)), new ComplaintAcknowledged(S, T0.AddHours(4))], NextStepKind.HolderFixes, null);
        yield return Row("resolved and rated", [Filed(), ToAcme, Resolved("acme", T0.AddHours(2)), new ComplaintRated(C, 4, null, T0.AddHours(3))],
            NextStepKind.CustomerMayReopen, MilestoneKind.Rated);
    }

    private static TestCaseData Row(string name, IComplaintEvent[] events, NextStepKind next, MilestoneKind? said) =>
        new TestCaseData(events, next, said).SetArgDisplayNames(name);

    [TestCaseSource(nameof(States))]
    public void Each_state_says_what_happens_next_and_what_the_customer_said(IComplaintEvent[] events, NextStepKind next, MilestoneKind? said)
    {
        var status = events.Aggregate((CustomerStatus?)null, CustomerStatus.Evolve)!;
        var kind = Parties(status.Holder);
        Assert.That(NextStep.Of(status, kind, Policy.Default, Window, events[^1].At).Kind, Is.EqualTo(next));
        Assert.That(NextStep.YouSaid(status)?.Kind, Is.EqualTo(said));
    }

    private static PartyKind Parties(string holder) => holder == S ? PartyKind.Store : PartyKind.Vendor;
}
