using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class HandoffTests
{
    private static HandOffComplaint To(string party) => new(party, HandoffReason.NotOurComponent, "camera driver", ["log-1", "trace-2"]);

    [Test]
    public void The_holder_hands_off_with_its_reason_note_and_evidence() =>
        ComplaintDecisions.HandOff(HeldByAcme(), To("photon"), Acme, Registered, T0.AddHours(1)).ShouldEmit<ComplaintHandedOff>(e =>
        {
            Assert.That(e.From, Is.EqualTo("acme"));
            Assert.That(e.To, Is.EqualTo("photon"));
            Assert.That(e.Reason, Is.EqualTo(HandoffReason.NotOurComponent));
            Assert.That(e.Note, Is.EqualTo("camera driver"));
            Assert.That(e.Evidence, Is.EqualTo(new[] { "log-1", "trace-2" }));
            Assert.That(e.At, Is.EqualTo(T0.AddHours(1)));
        });

    [Test]
    public void The_operator_hands_off_a_complaint_the_store_holds() =>
        ComplaintDecisions.HandOff(Given(Filed()), To("acme"), Operator, Registered, T0)
            .ShouldEmit<ComplaintHandedOff>(e => Assert.That((e.From, e.To), Is.EqualTo((Party.StoreId, "acme"))));

    [TestCase(ComplaintStatus.InProgress)]
    [TestCase(ComplaintStatus.AwaitingInformation)]
    [TestCase(ComplaintStatus.ResolutionProposed)]
    public void The_holder_may_hand_off_at_any_stage_before_resolution(ComplaintStatus status) =>
        ComplaintDecisions.HandOff(InStatus(status), To("photon"), Acme, Registered, T0).ShouldEmit<ComplaintHandedOff>();

    [Test]
    public void Rejects_handoff_from_a_party_that_does_not_hold_it() =>
        ComplaintDecisions.HandOff(HeldByAcme(), To("acme"), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);

    [Test]
    public void Rejects_handoff_by_the_operator_when_a_vendor_holds_it() =>
        ComplaintDecisions.HandOff(HeldByAcme(), To("photon"), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);

    [Test]
    public void Rejects_handoff_to_oneself() =>
        ComplaintDecisions.HandOff(HeldByAcme(), To("acme"), Acme, Registered, T0).ShouldRefuse(RefusalCode.HandoffToSelf);

    [TestCase("nobody")]
    [TestCase(Party.CustomerId)]
    public void Rejects_handoff_to_a_party_that_cannot_hold_a_complaint(string to) =>
        ComplaintDecisions.HandOff(HeldByAcme(), To(to), Acme, Registered, T0).ShouldRefuse(RefusalCode.UnknownParty);

    [Test]
    public void Rejects_handoff_of_a_resolved_complaint() =>
        ComplaintDecisions.HandOff(Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme")), To("photon"), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.AlreadyResolved);

    [Test]
    public void A_handoff_moves_the_complaint_and_the_new_holder_starts_unacknowledged()
    {
        var acknowledged = Given(Filed(), HandedOff(Party.StoreId, "acme"), new ComplaintAcknowledged("acme", T0));
        var state = Given(Filed(), HandedOff(Party.StoreId, "acme"), new ComplaintAcknowledged("acme", T0), HandedOff("acme", "photon"));

        Assert.That(acknowledged.Status, Is.EqualTo(ComplaintStatus.InProgress));
        Assert.That(state.Holder, Is.EqualTo("photon"));
        Assert.That(state.Status, Is.EqualTo(ComplaintStatus.Open));
        Assert.That(state.HandoffCount, Is.EqualTo(2));
        Assert.That(state.PartiesInvolved, Is.EqualTo(new[] { Party.StoreId, "acme", "photon" }));
    }

    [Test]
    public void Parties_involved_are_listed_once_in_the_order_they_first_held_it()
    {
        var state = Given(Filed(), HandedOff(Party.StoreId, "acme"), HandedOff("acme", Party.StoreId), HandedOff(Party.StoreId, "acme"));
        Assert.That(state.PartiesInvolved, Is.EqualTo(new[] { Party.StoreId, "acme" }));
        Assert.That(state.HandoffCount, Is.EqualTo(3));
    }
}
