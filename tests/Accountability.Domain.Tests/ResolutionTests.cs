using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class ResolutionTests
{
    private static readonly ResolveComplaint Fix = new(RootCause.StorePlatform, Party.StoreId, "Refunded");

    [Test]
    public void The_holder_proposes_a_fix() =>
        ComplaintDecisions.ProposeResolution(HeldByAcme(), new ProposeResolution("Update to 1.2"), Acme, Registered, T0).ShouldEmit<ResolutionProposed>(e =>
        {
            Assert.That((e.By, e.Summary, e.At), Is.EqualTo(("acme", "Update to 1.2", T0)));
            Assert.That(Given(Filed(), HandedOff(Party.StoreId, "acme"), e).Status, Is.EqualTo(ComplaintStatus.ResolutionProposed));
        });

    [Test]
    public void Only_the_holder_proposes_a_fix()
    {
        ComplaintDecisions.ProposeResolution(HeldByAcme(), new ProposeResolution("x"), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
        ComplaintDecisions.ProposeResolution(HeldByAcme(), new ProposeResolution("x"), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
    }

    [Test]
    public void Proposing_a_fix_for_a_resolved_complaint_is_refused() =>
        ComplaintDecisions.ProposeResolution(InStatus(ComplaintStatus.Resolved), new ProposeResolution("x"), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.AlreadyResolved);

    [Test]
    public void The_holder_resolves_naming_root_cause_and_liable_party() =>
        ComplaintDecisions.Resolve(HeldByAcme(), Fix, Acme, Registered, T0.AddHours(3)).ShouldEmit<ComplaintResolved>(e =>
        {
            Assert.That((e.By, e.RootCause, e.LiableParty, e.Remedy, e.At), Is.EqualTo(("acme", RootCause.StorePlatform, Party.StoreId, "Refunded", T0.AddHours(3))));
            var resolved = Given(Filed(), HandedOff(Party.StoreId, "acme"), e);
            Assert.That((resolved.Status, resolved.ResolvedAt, resolved.Holder), Is.EqualTo((ComplaintStatus.Resolved, (DateTimeOffset?)T0.AddHours(3), "acme")));
        });

    [TestCase(ComplaintStatus.Open)]
    [TestCase(ComplaintStatus.InProgress)]
    [TestCase(ComplaintStatus.AwaitingInformation)]
    [TestCase(ComplaintStatus.ResolutionProposed)]
    public void The_holder_may_resolve_from_any_unresolved_status(ComplaintStatus status) =>
        ComplaintDecisions.Resolve(InStatus(status), Fix, Acme, Registered, T0).ShouldEmit<ComplaintResolved>();

    [Test]
    public void Only_the_holder_resolves()
    {
        ComplaintDecisions.Resolve(HeldByAcme(), Fix, Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
        ComplaintDecisions.Resolve(HeldByAcme(), Fix, Operator, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
    }

    [TestCase("nobody")]
    [TestCase(Party.CustomerId)]
    public void The_liable_party_must_be_registered(string liable) =>
        ComplaintDecisions.Resolve(HeldByAcme(), Fix with { LiableParty = liable }, Acme, Registered, T0).ShouldRefuse(RefusalCode.UnknownParty);

    [Test]
    public void Resolving_twice_is_refused() =>
        ComplaintDecisions.Resolve(InStatus(ComplaintStatus.Resolved), Fix, Acme, Registered, T0).ShouldRefuse(RefusalCode.AlreadyResolved);

    [Test]
    public void The_operator_closes_a_resolved_complaint() =>
        ComplaintDecisions.Close(InStatus(ComplaintStatus.Resolved), Operator, T0.AddDays(1)).ShouldEmit<ComplaintClosed>(e =>
        {
            Assert.That((e.By, e.At), Is.EqualTo((Party.StoreId, T0.AddDays(1))));
            var closed = Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme"), e);
            Assert.That((closed.Status, closed.ClosedAt), Is.EqualTo((ComplaintStatus.Closed, (DateTimeOffset?)T0.AddDays(1))));
        });

    [TestCase(ComplaintStatus.Open)]
    [TestCase(ComplaintStatus.InProgress)]
    [TestCase(ComplaintStatus.AwaitingInformation)]
    [TestCase(ComplaintStatus.ResolutionProposed)]
    public void An_unresolved_complaint_cannot_be_closed(ComplaintStatus status) =>
        ComplaintDecisions.Close(InStatus(status), Operator, T0).ShouldRefuse(RefusalCode.NotResolved);

    [Test]
    public void A_vendor_cannot_close_even_the_complaint_it_resolved() =>
        ComplaintDecisions.Close(InStatus(ComplaintStatus.Resolved), Acme, T0).ShouldRefuse(RefusalCode.OperatorOnly);
}
