using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.RecurringProblems;
using static Accountability.Domain.Tests.RecurringProblems.ProblemScenario;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.RecurringProblems;

public sealed class ProblemDecisionTests
{
    [Test]
    public void The_operator_opens_a_problem_about_a_product_and_category() =>
        ProblemDecisions.Open(new OpenProblem(ProblemId, "Photo Pro", "crash", "Crashes"), Operator, T0).ShouldEmit<ProblemOpened>(e =>
        {
            Assert.That((e.Product, e.Category, e.By), Is.EqualTo(("Photo Pro", "crash", "store")));
            Assert.That(GivenProblem(e) is { Status: ProblemStatus.Open, OpenedAutomatically: false, Version: 1 });
        });

    [Test]
    public void A_vendor_may_not_open_a_problem() =>
        ProblemDecisions.Open(new OpenProblem(ProblemId, "Photo Pro", "crash", "Crashes"), Acme, T0).ShouldRefuse(RefusalCode.OperatorOnly);

    [Test]
    public void The_operator_links_a_complaint_by_hand() =>
        ProblemDecisions.Link(GivenProblem(Opened()), new LinkComplaint(First, null), Operator, T0).ShouldEmit<ComplaintLinked>(e =>
            Assert.That(GivenProblem(Opened(), e).LinkedComplaints, Is.EqualTo(new[] { First })));

    [Test]
    public void A_complaint_linked_here_or_to_another_problem_is_not_linked_again()
    {
        ProblemDecisions.Link(OwnedByAcme(), new LinkComplaint(First, ProblemId), Operator, T0).ShouldRefuse(RefusalCode.AlreadyLinked);
        ProblemDecisions.Link(OwnedByAcme(), new LinkComplaint(Second, Guid.NewGuid()), null, T0).ShouldRefuse(RefusalCode.AlreadyLinked);
    }

    [Test]
    public void Linking_to_a_resolved_problem_is_refused() =>
        ProblemDecisions.Link(Resolved(), new LinkComplaint(Second, null), Operator, T0).ShouldRefuse(RefusalCode.ProblemResolved);

    [Test]
    public void Only_the_operator_links_and_unlinks()
    {
        ProblemDecisions.Link(OwnedByAcme(), new LinkComplaint(Second, null), Acme, T0).ShouldRefuse(RefusalCode.OperatorOnly);
        ProblemDecisions.Unlink(OwnedByAcme(), new UnlinkComplaint(First), Acme, T0).ShouldRefuse(RefusalCode.OperatorOnly);
    }

    [Test]
    public void Unlinking_takes_the_complaint_out_and_a_complaint_not_linked_is_refused()
    {
        ProblemDecisions.Unlink(OwnedByAcme(), new UnlinkComplaint(First), Operator, T0).ShouldEmit<ComplaintUnlinked>(e =>
            Assert.That(RecurringProblem.Evolve(OwnedByAcme(), e)!.LinkedComplaints, Is.Empty));
        ProblemDecisions.Unlink(OwnedByAcme(), new UnlinkComplaint(Second), Operator, T0).ShouldRefuse(RefusalCode.NotLinked);
    }

    [Test]
    public void The_owner_is_the_store_or_a_registered_vendor()
    {
        ProblemDecisions.AssignOwner(GivenProblem(Opened()), new AssignProblemOwner("photon"), Operator, Registered, T0)
            .ShouldEmit<ProblemOwnerAssigned>(e => Assert.That(e.Owner, Is.EqualTo("photon")));
        ProblemDecisions.AssignOwner(GivenProblem(Opened()), new AssignProblemOwner("nobody"), Operator, Registered, T0).ShouldRefuse(RefusalCode.UnknownParty);
        ProblemDecisions.AssignOwner(GivenProblem(Opened()), new AssignProblemOwner("acme"), Acme, Registered, T0).ShouldRefuse(RefusalCode.OperatorOnly);
    }

    [Test]
    public void The_owning_vendor_records_the_root_cause_and_another_vendor_may_not()
    {
        ProblemDecisions.RecordRootCause(OwnedByAcme(), new RecordRootCause(RootCause.ProductDefect, "Null image cache"), Acme, T0)
            .ShouldEmit<RootCauseRecorded>(e => Assert.That(RecurringProblem.Evolve(OwnedByAcme(), e)!.RootCause, Is.EqualTo(RootCause.ProductDefect)));
        ProblemDecisions.RecordRootCause(OwnedByAcme(), new RecordRootCause(RootCause.ProductDefect, "x"), Photon, T0).ShouldRefuse(RefusalCode.OperatorOnly);
    }

    [Test]
    public void Resolving_uses_the_recorded_root_cause_when_none_is_given()
    {
        var found = RecurringProblem.Evolve(OwnedByAcme(), new RootCauseRecorded(RootCause.ThirdParty, "SDK bug", "acme", T0))!;
        ProblemDecisions.Resolve(found, new ResolveProblem(null, null, "Update to 1.2"), Operator, T0.AddDays(1)).ShouldEmit<ProblemResolved>(e =>
        {
            Assert.That((e.RootCause, e.Explanation, e.Fix), Is.EqualTo((RootCause.ThirdParty, "SDK bug", "Update to 1.2")));
            Assert.That(RecurringProblem.Evolve(found, e) is { Status: ProblemStatus.Resolved, Fix: "Update to 1.2" });
        });
    }

    [Test]
    public void Resolving_needs_an_owner_and_a_root_cause_and_happens_once()
    {
        ProblemDecisions.Resolve(GivenProblem(Opened()), new ResolveProblem(RootCause.ProductDefect, "x", "fix"), Operator, T0).ShouldRefuse(RefusalCode.NoOwner);
        ProblemDecisions.Resolve(OwnedByAcme(), new ResolveProblem(null, null, "fix"), Operator, T0).ShouldRefuse(RefusalCode.RootCauseMissing);
        ProblemDecisions.Resolve(Resolved(), new ResolveProblem(RootCause.ProductDefect, "x", "fix"), Operator, T0).ShouldRefuse(RefusalCode.ProblemResolved);
        ProblemDecisions.Resolve(OwnedByAcme(), new ResolveProblem(RootCause.ProductDefect, "x", "fix"), Acme, T0).ShouldRefuse(RefusalCode.OperatorOnly);
    }

    [TestCase(ComplaintStatus.Open)]
    [TestCase(ComplaintStatus.AwaitingInformation)]
    [TestCase(ComplaintStatus.ResolutionProposed)]
    public void The_fix_is_proposed_to_a_linked_complaint_still_open(ComplaintStatus status) =>
        ProblemDecisions.ProposeFix(InStatus(status), Resolved(), Operator, T0).ShouldEmit<ResolutionProposed>(e =>
            Assert.That((e.By, e.Summary), Is.EqualTo(("store", "Update to 1.2"))));

    [TestCase(ComplaintStatus.Resolved, RefusalCode.AlreadyResolved)]
    [TestCase(ComplaintStatus.Closed, RefusalCode.ComplaintClosed)]
    public void A_resolved_or_closed_complaint_is_skipped(ComplaintStatus status, RefusalCode code) =>
        ProblemDecisions.ProposeFix(InStatus(status), Resolved(), Operator, T0).ShouldRefuse(code);
}
