using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class FilingAndAssignmentTests
{
    private static readonly FileComplaint Complaint = new(Id, "cust-1", "Photo Pro", "acme", "crash", "Crashes", Channel.Email);

    [Test]
    public void The_operator_files_a_complaint_and_the_store_holds_it() =>
        ComplaintDecisions.File(Complaint, Operator, Registered, T0).ShouldEmit<ComplaintFiled>(e =>
        {
            Assert.That(e.By, Is.EqualTo(Party.StoreId));
            Assert.That(e.At, Is.EqualTo(T0));
            Assert.That((e.ComplaintId, e.CustomerReference, e.Product, e.VendorId), Is.EqualTo((Id, "cust-1", "Photo Pro", "acme")));
            Assert.That((e.Category, e.Description, e.Channel), Is.EqualTo(("crash", "Crashes", Channel.Email)));
            Assert.That(Given(e).Holder, Is.EqualTo(Party.StoreId));
            Assert.That(Given(e).Status, Is.EqualTo(ComplaintStatus.Open));
        });

    [Test]
    public void A_vendor_cannot_file_a_complaint() =>
        ComplaintDecisions.File(Complaint, Acme, Registered, T0).ShouldRefuse(RefusalCode.OperatorOnly);

    [TestCase("nobody")]
    [TestCase(Party.StoreId)]
    public void A_complaint_must_name_a_registered_vendor(string vendor) =>
        ComplaintDecisions.File(Complaint with { VendorId = vendor }, Operator, Registered, T0).ShouldRefuse(RefusalCode.UnknownParty);

    [Test]
    public void A_new_complaint_is_open_held_by_the_store_and_involves_only_the_store()
    {
        var state = Given(Filed());
        Assert.That((state.Status, state.Holder, state.HeldSince, state.FiledAt), Is.EqualTo((ComplaintStatus.Open, Party.StoreId, T0, T0)));
        Assert.That((state.HandoffCount, state.ReopenCount, state.ResolvedAt, state.ClosedAt), Is.EqualTo((0, 0, (DateTimeOffset?)null, (DateTimeOffset?)null)));
        Assert.That(state.PartiesInvolved, Is.EqualTo(new[] { Party.StoreId }));
    }

    [Test]
    public void The_operator_assigns_a_complaint_to_a_vendor_whoever_holds_it() =>
        ComplaintDecisions.Assign(HeldByAcme(), new AssignComplaint("photon"), Operator, Registered, T0.AddHours(1))
            .ShouldEmit<ComplaintAssigned>(e => Assert.That((e.To, e.By, e.At), Is.EqualTo(("photon", Party.StoreId, T0.AddHours(1)))));

    [Test]
    public void The_operator_assigns_a_complaint_the_store_holds_to_a_vendor() =>
        ComplaintDecisions.Assign(Given(Filed()), new AssignComplaint("acme"), Operator, Registered, T0).ShouldEmit<ComplaintAssigned>();

    [Test]
    public void The_operator_takes_a_complaint_back_for_the_store() =>
        ComplaintDecisions.Assign(HeldByAcme(), new AssignComplaint(Party.StoreId), Operator, Registered, T0).ShouldEmit<ComplaintAssigned>();

    [Test]
    public void Assigning_a_resolved_complaint_is_refused_it_must_be_reopened_first() =>
        ComplaintDecisions.Assign(InStatus(ComplaintStatus.Resolved), new AssignComplaint("photon"), Operator, Registered, T0)
            .ShouldRefuse(RefusalCode.AlreadyResolved);

    [Test]
    public void A_vendor_cannot_assign_not_even_the_complaint_it_holds() =>
        ComplaintDecisions.Assign(HeldByAcme(), new AssignComplaint("photon"), Acme, Registered, T0).ShouldRefuse(RefusalCode.OperatorOnly);

    [Test]
    public void Assigning_to_the_current_holder_is_refused() =>
        ComplaintDecisions.Assign(HeldByAcme(), new AssignComplaint("acme"), Operator, Registered, T0).ShouldRefuse(RefusalCode.HandoffToSelf);

    [TestCase("nobody")]
    [TestCase(Party.CustomerId)]
    public void Assigning_to_an_unknown_party_is_refused(string to) =>
        ComplaintDecisions.Assign(HeldByAcme(), new AssignComplaint(to), Operator, Registered, T0).ShouldRefuse(RefusalCode.UnknownParty);

    [Test]
    public void An_assignment_carries_the_operators_reason_code_and_note() =>
        ComplaintDecisions.Assign(HeldByAcme(), new AssignComplaint("photon", AssignmentReason.NeedsSpecialist, "Camera driver"), Operator, Registered, T0)
            .ShouldEmit<ComplaintAssigned>(e => Assert.That((e.Reason, e.Note), Is.EqualTo(((AssignmentReason?)AssignmentReason.NeedsSpecialist, "Camera driver"))));

    [Test]
    public void An_assignment_without_reason_or_note_carries_neither_and_moves_the_complaint_all_the_same()
    {
        var decision = ComplaintDecisions.Assign(HeldByAcme(), new AssignComplaint("photon"), Operator, Registered, T0);
        decision.ShouldEmit<ComplaintAssigned>(e => Assert.That((e.Reason, e.Note), Is.EqualTo(((AssignmentReason?)null, (string?)null))));
        Assert.That(Given(Filed(), HandedOff(Party.StoreId, "acme"), decision.Events.Single()).Holder, Is.EqualTo("photon"));
    }
}
