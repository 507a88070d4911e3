using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class WaitAndCancelDecisionTests
{
    [Test]
    public void The_holder_starts_waiting_on_a_third_party() =>
        ComplaintDecisions.WaitForThirdParty(HeldByAcme(), new WaitForThirdParty("Carrier", "Parcel lost"), Acme, Registered, T0)
            .ShouldEmit<ThirdPartyWaitStarted>(e => Assert.That((e.By, e.ThirdParty, e.Reason), Is.EqualTo(("acme", "Carrier", "Parcel lost"))));

    [Test]
    public void Only_the_holder_waits_and_only_once() => Assert.Multiple(() =>
    {
        ComplaintDecisions.WaitForThirdParty(HeldByAcme(), new WaitForThirdParty("Carrier", null), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
        var waiting = Complaint.Evolve(HeldByAcme(), new ThirdPartyWaitStarted("acme", "Carrier", null, T0))!;
        ComplaintDecisions.WaitForThirdParty(waiting, new WaitForThirdParty("Carrier", null), Acme, Registered, T0).ShouldRefuse(RefusalCode.AlreadyAwaitingThirdParty);
    });

    [Test]
    public void The_operator_or_the_holder_records_the_answer_of_a_wait_and_nothing_else()
    {
        var waiting = Complaint.Evolve(HeldByAcme(), new ThirdPartyWaitStarted("acme", "Carrier", null, T0))!;
        ComplaintDecisions.RecordThirdPartyResponse(waiting, new RecordThirdPartyResponse("Found"), Operator, Registered, T0).ShouldEmit<ThirdPartyResponded>();
        ComplaintDecisions.RecordThirdPartyResponse(waiting, new RecordThirdPartyResponse("Found"), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
        ComplaintDecisions.RecordThirdPartyResponse(HeldByAcme(), new RecordThirdPartyResponse("Found"), Acme, Registered, T0).ShouldRefuse(RefusalCode.NotAwaitingThirdParty);
    }

    [Test]
    public void The_operator_cancels_an_unresolved_complaint_and_may_reopen_it()
    {
        ComplaintDecisions.Cancel(HeldByAcme(), new CancelComplaint("Withdrawn"), Acme, T0).ShouldRefuse(RefusalCode.OperatorOnly);
        ComplaintDecisions.Cancel(InStatus(ComplaintStatus.Resolved), new CancelComplaint("Withdrawn"), Operator, T0).ShouldRefuse(RefusalCode.AlreadyResolved);
        ComplaintDecisions.Cancel(InStatus(ComplaintStatus.AwaitingInformation), new CancelComplaint("Withdrawn"), Operator, T0).ShouldEmit<ComplaintCancelled>();

        var cancelled = Complaint.Evolve(HeldByAcme(), new ComplaintCancelled(Party.StoreId, "Withdrawn", T0))!;
        ComplaintDecisions.Cancel(cancelled, new CancelComplaint("Again"), Operator, T0).ShouldRefuse(RefusalCode.ComplaintClosed);
        ComplaintDecisions.Acknowledge(cancelled, Acme, Registered, T0).ShouldRefuse(RefusalCode.ComplaintClosed);
        CustomerDecisions.ReportStillBroken(cancelled, new ReportStillBroken(null), TimeSpan.FromDays(30), T0).ShouldRefuse(RefusalCode.ComplaintClosed);
        ComplaintDecisions.Reopen(cancelled, new ReopenComplaint("It is back"), Operator, TimeSpan.FromDays(30), T0.AddDays(1)).ShouldEmit<ComplaintReopened>();
    }
}
