using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.RecurringProblems;
using Accountability.Domain.Rules;
using Accountability.Domain.Webhooks;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Webhooks;

/// <summary>Each recipient rule of docs/webhooks.md, on the complaint before and after one event.</summary>
public sealed class NoticeTests
{
    private static IReadOnlyList<Notice> Notices(Complaint before, IComplaintEvent e) => ComplaintNotices.Of(before, e, Complaint.Evolve(before, e)!);

    private static FlagRaised Flag(string rule, params string[] charged) =>
        new(rule, Severity.High, [2], "Acme Apps passed it on without evidence.", 1, T0, charged);

    [Test]
    public void A_handoff_tells_the_new_holder_it_is_assigned_and_now_accountable()
    {
        Assert.That(Notices(Given(Filed()), HandedOff(Party.StoreId, "acme")), Is.EqualTo(new[]
        {
            new Notice(NoticeKind.Assigned, "acme"), new Notice(NoticeKind.AccountabilityChanged, "acme"),
        }));
    }

    [Test]
    public void An_escalation_makes_the_store_accountable_and_goes_to_the_holder_the_charged_party_and_the_store_once_each()
    {
        var flagged = Complaint.Evolve(HeldByAcme(), Flag(RuleIds.Bounce, "acme", "photon"))!;
        var notices = Notices(flagged, new ComplaintEscalated(RuleIds.Bounce, "Bounced between vendors.", T0));
        Assert.That(notices, Is.EquivalentTo(new[]
        {
            new Notice(NoticeKind.Escalated, "acme"), new Notice(NoticeKind.Escalated, "photon"), new Notice(NoticeKind.Escalated, Party.StoreId),
            new Notice(NoticeKind.AccountabilityChanged, Party.StoreId),
        }));
    }

    [Test]
    public void A_flag_goes_to_the_parties_it_charges_and_to_the_store_besides_the_holder()
    {
        var held = Given(Filed(), HandedOff(Party.StoreId, "photon"));
        Assert.That(Notices(held, Flag(RuleIds.EvidenceFreeHandoff, Party.StoreId)), Is.EquivalentTo(new[]
        {
            new Notice(NoticeKind.Flagged, "photon"), new Notice(NoticeKind.Flagged, Party.StoreId),
        }));
    }

    [Test]
    public void Any_event_that_moves_accountability_tells_the_party_that_gains_it_even_one_it_does_not_name()
    {
        // An assignment to the store while escalated moves nothing the store did not already answer for; a reopening does.
        var escalated = Complaint.Evolve(Complaint.Evolve(HeldByAcme(), Flag(RuleIds.Bounce, "acme"))!, new ComplaintEscalated(RuleIds.Bounce, "r", T0))!;
        Assert.That(Notices(escalated, new ComplaintAssigned(Party.StoreId, Party.StoreId, T0)), Is.EqualTo(new[] { new Notice(NoticeKind.Assigned, Party.StoreId) }));
        var closed = Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme"), Closed());
        Assert.That(Notices(closed, new ComplaintReopened("customer", "Still broken", T0)), Is.EqualTo(new[]
        {
            new Notice(NoticeKind.Reopened, "acme"), new Notice(NoticeKind.AccountabilityChanged, "acme"),
        }));
    }

    [Test]
    public void Nobody_becomes_accountable_for_a_complaint_that_ends()
    {
        Assert.That(Notices(HeldByAcme(), new ComplaintCancelled(Party.StoreId, "Withdrawn", T0)), Is.EqualTo(new[] { new Notice(NoticeKind.Closed, "acme") }));
    }

    [Test]
    public void A_fix_the_store_proposes_goes_to_the_holder_and_the_store_and_one_the_holder_proposes_to_nobody()
    {
        Assert.That(Notices(HeldByAcme(), new ResolutionProposed(Party.StoreId, "Update to 2.1", T0)), Is.EqualTo(new[]
        {
            new Notice(NoticeKind.FixProposed, "acme"), new Notice(NoticeKind.FixProposed, Party.StoreId),
        }));
        Assert.That(Notices(HeldByAcme(), new ResolutionProposed("acme", "Update to 2.1", T0)), Is.Empty);
    }

    [Test]
    public void The_reason_is_the_events_own_or_the_sentence_of_the_flag_raised_before_it_in_the_same_write()
    {
        var flag = Flag(RuleIds.StalledHolder, "acme");
        Assert.That(ComplaintNotices.Reason(flag, []), Is.EqualTo(flag.Sentence));
        Assert.That(ComplaintNotices.Reason(new ComplaintHandedOff("acme", "photon", HandoffReason.WrongParty, "Camera firmware", [], T0), []),
            Is.EqualTo("WrongParty: Camera firmware"));
        Assert.That(ComplaintNotices.Reason(new ComplaintAssigned(Party.StoreId, RuleIds.StalledHolder, T0), [flag]), Is.EqualTo(flag.Sentence));
        Assert.That(ComplaintNotices.Reason(new ComplaintAssigned("acme", Party.StoreId, T0), []), Is.Null);
        Assert.That(ComplaintNotices.Reason(new ComplaintAssigned("acme", Party.StoreId, T0, AssignmentReason.NeedsSpecialist, "Knows the camera"), []),
            Is.EqualTo("NeedsSpecialist: Knows the camera"));
        Assert.That(ComplaintNotices.Reason(new ComplaintTakenOver("acme", Party.StoreId, TakeOverCause.AcknowledgementMissed, T0), [flag]),
            Is.EqualTo("acme did not acknowledge the complaint in time, so the policy moved it to store."));
    }

    [Test]
    public void Problem_events_go_to_the_store_and_the_owner_and_a_new_owner_also_tells_the_one_it_replaces()
    {
        var opened = new ProblemOpened(Id, "Photo Pro", "crash", "Crashes on start", null, T0);
        var problem = RecurringProblem.Evolve(null, opened)!;
        Assert.That(ProblemNotices.Of(null, opened, problem), Is.EqualTo(new[] { new Notice(NoticeKind.ProblemOpened, Party.StoreId) }));
        var owned = RecurringProblem.Evolve(problem, new ProblemOwnerAssigned("acme", Party.StoreId, T0))!;
        var moved = new ProblemOwnerAssigned("photon", Party.StoreId, T0);
        Assert.That(ProblemNotices.Of(owned, moved, RecurringProblem.Evolve(owned, moved)!), Is.EqualTo(new[]
        {
            new Notice(NoticeKind.ProblemOwnerAssigned, "photon"), new Notice(NoticeKind.ProblemOwnerAssigned, Party.StoreId),
            new Notice(NoticeKind.ProblemOwnerAssigned, "acme"),
        }));
        var resolved = new ProblemResolved(RootCause.ProductDefect, "Null pointer", "Update to 2.1", Party.StoreId, T0);
        Assert.That(ProblemNotices.Of(owned, resolved, RecurringProblem.Evolve(owned, resolved)!), Is.EqualTo(new[]
        {
            new Notice(NoticeKind.ProblemResolved, "acme"), new Notice(NoticeKind.ProblemResolved, Party.StoreId),
        }));
        var linked = new ComplaintLinked(Guid.NewGuid(), null, T0);
        Assert.That(ProblemNotices.Of(owned, linked, RecurringProblem.Evolve(owned, linked)!), Is.Empty);
    }
}
