using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

/// <summary>Nothing happens to a closed complaint but a reopen within the window.</summary>
public sealed class ClosedComplaintTests
{
    private static readonly Complaint ClosedByStore = Given(Filed(), Resolved(Party.StoreId), Closed());

    private static IEnumerable<TestCaseData> EveryCommandButReopen()
    {
        var (c, o, p, now) = (ClosedByStore, Operator, Registered, T0);
        yield return Case("assign", () => ComplaintDecisions.Assign(c, new AssignComplaint("acme"), o, p, now));
        yield return Case("acknowledge", () => ComplaintDecisions.Acknowledge(c, o, p, now));
        yield return Case("hand off", () => ComplaintDecisions.HandOff(c, new HandOffComplaint("acme", HandoffReason.Other, null, []), o, p, now));
        yield return Case("redirect", () => ComplaintDecisions.RedirectCustomer(c, new RecordCustomerRedirect(Party.StoreId, "acme", null), o, p, now));
        yield return Case("request information", () => ComplaintDecisions.RequestInformation(c, new RequestInformation("?"), o, p, now));
        yield return Case("provide information", () => ComplaintDecisions.ProvideInformation(c, new ProvideInformation("!"), o, p, now));
        yield return Case("propose", () => ComplaintDecisions.ProposeResolution(c, new ProposeResolution("x"), o, p, now));
        yield return Case("resolve", () => ComplaintDecisions.Resolve(c, new ResolveComplaint(RootCause.Unknown, "acme", "x"), o, p, now));
        yield return Case("close", () => ComplaintDecisions.Close(c, o, now));
    }

    [TestCaseSource(nameof(EveryCommandButReopen))]
    public void Is_refused_after_closing(Func<Decision> decide) => decide().ShouldRefuse(RefusalCode.ComplaintClosed);

    [Test]
    public void Only_a_reopen_is_accepted_after_closing() =>
        ComplaintDecisions.Reopen(ClosedByStore, new ReopenComplaint("Still broken"), Operator, TimeSpan.FromDays(30), T0.AddDays(1))
            .ShouldEmit<ComplaintReopened>();

    [Test]
    public void A_vendor_is_told_the_complaint_is_closed_before_anything_else() =>
        ComplaintDecisions.HandOff(InStatus(ComplaintStatus.Closed), new HandOffComplaint("photon", HandoffReason.Other, null, []), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.ComplaintClosed);

    private static TestCaseData Case(string name, Func<Decision> decide) => new TestCaseData(decide).SetName($"{name} is refused after closing");
}
