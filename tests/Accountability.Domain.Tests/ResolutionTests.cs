using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class ResolutionTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    [Test]
    public void The_holder_asks_for_information_and_the_operator_answers_for_the_customer()
    {
        var asked = ComplaintDecisions.RequestInformation(HeldByAcme(), new RequestInformation("Which version?"), Acme, Registered, T0);
        asked.ShouldEmit<InformationRequested>();
        var waiting = Given(Filed(), HandedOff(Party.StoreId, "acme"), asked.Events[0]);
        Assert.That(waiting.Status, Is.EqualTo(ComplaintStatus.AwaitingInformation));

        var answered = ComplaintDecisions.ProvideInformation(waiting, new ProvideInformation("2.1"), Operator, Registered, T0);
        answered.ShouldEmit<InformationProvided>(e => Assert.That(e.Answer, Is.EqualTo("2.1")));
        Assert.That(Given(Filed(), HandedOff(Party.StoreId, "acme"), asked.Events[0], answered.Events[0]).Status, Is.EqualTo(ComplaintStatus.InProgress));
    }

    [Test]
    public void Only_the_holder_asks_for_information() =>
        ComplaintDecisions.RequestInformation(HeldByAcme(), new RequestInformation("?"), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);

    [Test]
    public void An_answer_nobody_asked_for_is_refused() =>
        ComplaintDecisions.ProvideInformation(HeldByAcme(), new ProvideInformation("2.1"), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotAwaitingInformation);

    [Test]
    public void A_vendor_that_does_not_hold_the_complaint_cannot_answer_for_the_customer()
    {
        var waiting = Given(Filed(), HandedOff(Party.StoreId, "acme"), new InformationRequested("acme", "?", T0));
        ComplaintDecisions.ProvideInformation(waiting, new ProvideInformation("x"), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
    }

    [Test]
    public void The_holder_proposes_a_fix() =>
        ComplaintDecisions.ProposeResolution(HeldByAcme(), new ProposeResolution("Update to 1.2"), Acme, Registered, T0)
            .ShouldEmit<ResolutionProposed>(e => Assert.That(Given(Filed(), HandedOff(Party.StoreId, "acme"), e).Status, Is.EqualTo(ComplaintStatus.ResolutionProposed)));

    [Test]
    public void Only_the_holder_proposes_a_fix() =>
        ComplaintDecisions.ProposeResolution(HeldByAcme(), new ProposeResolution("x"), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);

    [Test]
    public void The_holder_resolves_naming_root_cause_and_liable_party() =>
        ComplaintDecisions.Resolve(HeldByAcme(), new ResolveComplaint(RootCause.StorePlatform, Party.StoreId, "Refunded"), Acme, Registered, T0)
            .ShouldEmit<ComplaintResolved>(e => Assert.That((e.RootCause, e.LiableParty, e.By), Is.EqualTo((RootCause.StorePlatform, Party.StoreId, "acme"))));

    [Test]
    public void Only_the_holder_resolves() =>
        ComplaintDecisions.Resolve(HeldByAcme(), new ResolveComplaint(RootCause.Unknown, "acme", "x"), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);

    [Test]
    public void The_liable_party_must_be_registered() =>
        ComplaintDecisions.Resolve(HeldByAcme(), new ResolveComplaint(RootCause.Unknown, "nobody", "x"), Acme, Registered, T0).ShouldRefuse(RefusalCode.UnknownParty);

    [Test]
    public void Resolving_twice_is_refused() =>
        ComplaintDecisions.Resolve(Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme")), new ResolveComplaint(RootCause.Unknown, "acme", "x"), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.AlreadyResolved);

    [Test]
    public void The_operator_closes_a_resolved_complaint() =>
        ComplaintDecisions.Close(Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme")), Operator, T0).ShouldEmit<ComplaintClosed>();

    [Test]
    public void An_unresolved_complaint_cannot_be_closed() =>
        ComplaintDecisions.Close(HeldByAcme(), Operator, T0).ShouldRefuse(RefusalCode.NotResolved);

    [Test]
    public void A_vendor_cannot_close() =>
        ComplaintDecisions.Close(Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme")), Acme, T0).ShouldRefuse(RefusalCode.OperatorOnly);

    [Test]
    public void A_resolved_complaint_reopens_at_any_time_and_goes_back_to_its_holder()
    {
        var resolved = Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme"));
        var decision = ComplaintDecisions.Reopen(resolved, new ReopenComplaint("Still broken"), Operator, Window, T0.AddDays(400));
        decision.ShouldEmit<ComplaintReopened>();
        var reopened = Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme"), decision.Events[0]);
        Assert.That((reopened.Status, reopened.Holder, reopened.ReopenCount, reopened.ResolvedAt), Is.EqualTo((ComplaintStatus.Open, "acme", 1, (DateTimeOffset?)null)));
    }

    [TestCase(29.9, true)]
    [TestCase(30.0, true)]
    [TestCase(30.1, false)]
    public void A_closed_complaint_reopens_only_within_the_window(double daysAfterClosing, bool allowed)
    {
        var closed = Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme"), Closed(T0));
        var decision = ComplaintDecisions.Reopen(closed, new ReopenComplaint("Still broken"), Operator, Window, T0.AddDays(daysAfterClosing));
        if (allowed)
            decision.ShouldEmit<ComplaintReopened>();
        else
            decision.ShouldRefuse(RefusalCode.ReopenWindowExpired);
    }

    [Test]
    public void An_open_complaint_cannot_be_reopened() =>
        ComplaintDecisions.Reopen(HeldByAcme(), new ReopenComplaint("x"), Operator, Window, T0).ShouldRefuse(RefusalCode.NotResolved);

    [Test]
    public void Only_the_operator_reopens() =>
        ComplaintDecisions.Reopen(Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme")), new ReopenComplaint("x"), Acme, Window, T0)
            .ShouldRefuse(RefusalCode.OperatorOnly);
}
