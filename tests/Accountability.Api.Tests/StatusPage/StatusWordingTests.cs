using System.Globalization;
using Accountability.Api.Features.StatusPage;
using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Api.Tests.StatusPage;

/// <summary>
/// The page tells one story in each state: who is responsible now, what happens next and by when, and, once the customer
/// has said something, that they have. A table of states and the sentences the page must say (and must not).
/// </summary>
[Category("api")]
public sealed class StatusWordingTests
{
    private const string S = Party.StoreId;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PartyDirectory Parties = new(
    [
        new Party(S, PartyKind.Store, "Test Store"), new Party("acme", PartyKind.Vendor, "Acme Apps"), new Party("photon", PartyKind.Vendor, "Photon Devices"),
    ]);

    private static DateTimeOffset H(double hours) => T0.AddHours(hours);

    private static readonly ComplaintFiled Filed = new(Guid.NewGuid(), "c-1", "Photo Pro", "acme", "crash", "Crashes", Channel.App, S, T0);
    private static readonly ComplaintHandedOff ToAcme = new(S, "acme", HandoffReason.NeedsVendorFix, null, [], H(1));
    private static FlagRaised Flag(string rule, double at) => new(rule, Severity.High, [2], "x", 1, H(at), ["acme"]);
    private static readonly ComplaintEscalated Escalated = new(RuleIds.CustomerDeflection, "x", H(2));

    /// <summary>Each state: its events, the view's sentences (null: none), and words the page must not say in it.</summary>
    private static IEnumerable<TestCaseData> States()
    {
        yield return State("at the store, just filed", [Filed],
            handledBy: "Handled by Test Store", escalation: null, youSaid: null, next: "Test Store will pick it up by 2 March 2026, 17:00 UTC.");
        yield return State("passed to a vendor", [Filed, ToAcme],
            "Handled by Acme Apps", null, null, "Acme Apps will pick it up by 3 March 2026, 10:00 UTC.");
        yield return State("escalated while the vendor still holds it", [Filed, ToAcme, new CustomerRedirected("acme", S, null, H(2)), Flag(RuleIds.CustomerDeflection, 2), Escalated],
            "Handled by Acme Apps", "Test Store is now responsible for putting it right, and is making sure Acme Apps does.", null,
            "Acme Apps will pick it up by 3 March 2026, 10:00 UTC. You can ask Test Store to step in below.", mustNot: "taken this complaint over");
        yield return State("escalated with nobody else ever involved", [Filed, Flag(RuleIds.StalledHolder, 8), new ComplaintEscalated(RuleIds.StalledHolder, "x", H(8))],
            "Handled by Test Store", "Test Store has escalated this complaint within its own team, which is now responsible for putting it right.", null,
            "Test Store will pick it up by 2 March 2026, 17:00 UTC. This is later than promised.", mustNot: "others involved");
        yield return State("taken over by the store after the customer asked", [Filed, ToAcme, Flag(RuleIds.Bounce, 2), new StepInRequested(Party.CustomerId, H(3)),
                Flag(RuleIds.StepInRequested, 3), new ComplaintEscalated(RuleIds.StepInRequested, "x", H(3)), new ComplaintTakenOver("acme", S, TakeOverCause.CustomerAsked, H(3))],
            "Handled by Test Store", "Test Store has taken this complaint over from Acme Apps and is now responsible for putting it right.",
            "You asked Test Store to step in on 2 March 2026, 12:00 UTC.", "Test Store will pick it up by 2 March 2026, 20:00 UTC.", mustNot: "Acme Apps will");
        yield return State("a fix proposed", [Filed, ToAcme, new ResolutionProposed("acme", "Update to 2.1", H(2))],
            "Handled by Acme Apps", null, null, "Please try the fix and tell us below whether it worked.");
        yield return State("the customer confirmed the fix", [Filed, ToAcme, new ResolutionProposed("acme", "Update to 2.1", H(2)), new ResolutionConfirmed(Party.CustomerId, H(3))],
            "Handled by Acme Apps", null, "You told us on 2 March 2026, 12:00 UTC that the fix worked.", "Acme Apps will now mark it as resolved.", mustNot: "try the fix");
        yield return State("the customer said the fix did not work", [Filed, ToAcme, new ComplaintAcknowledged("acme", H(1.5)), new ResolutionProposed("acme", "Update", H(2)),
                new ResolutionRejected(Party.CustomerId, null, H(3))],
            "Handled by Acme Apps", null, "You told us on 2 March 2026, 12:00 UTC that the fix did not work.", "Acme Apps aims to fix it by 7 March 2026, 11:00 UTC.");
        yield return State("the customer answered a question", [Filed, ToAcme, new InformationRequested("acme", "Which version?", H(2)), new InformationProvided(Party.CustomerId, "2.1", H(4))],
            "Handled by Acme Apps", null, "You answered on 2 March 2026, 13:00 UTC: Acme Apps has your answer.", "Acme Apps aims to fix it by 7 March 2026, 12:00 UTC.");
        yield return State("the holder acted after the answer", [Filed, ToAcme, new InformationRequested("acme", "?", H(2)), new InformationProvided(Party.CustomerId, "2.1", H(4)),
                new ResolutionProposed("acme", "Update", H(5))],
            "Handled by Acme Apps", null, null, "Please try the fix and tell us below whether it worked.");
        yield return State("resolved and rated", [Filed, ToAcme, new ComplaintResolved("acme", RootCause.ProductDefect, "acme", "Patched", H(2)),
                new ComplaintRated(Party.CustomerId, 4, null, H(3))],
            "Handled by Acme Apps", null, "You rated the handling 4 out of 5 on 2 March 2026, 12:00 UTC. Thank you.", "If it is still not working, you can tell us below.");
        yield return State("reopened by the customer", [Filed, ToAcme, new ComplaintResolved("acme", RootCause.ProductDefect, "acme", "Patched", H(2)),
                new ComplaintReopened(Party.CustomerId, "Crashes again", H(3))],
            "Handled by Acme Apps", null, "You told us on 2 March 2026, 12:00 UTC that it is still not working, so it is being looked at again.",
            "Acme Apps will pick it up by 3 March 2026, 12:00 UTC.");
    }

    private static TestCaseData State(string name, IComplaintEvent[] events, string handledBy, string? escalation, string? youSaid, string next, string? mustNot = null) =>
        new TestCaseData(events, handledBy, escalation, youSaid, next, mustNot).SetArgDisplayNames(name);

    [TestCaseSource(nameof(States))]
    public void Each_state_tells_one_story(IComplaintEvent[] events, string handledBy, string? escalation, string? youSaid, string next, string? mustNot)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var status = events.Aggregate((CustomerStatus?)null, CustomerStatus.Evolve)!;
            var view = StatusPageView.Of(status, Parties, Policy.Default, TimeSpan.FromDays(30), events[^1].At.AddMinutes(1));
            Assert.That((view.HandledBy, view.Escalation, view.YouSaid, view.NextStep), Is.EqualTo((handledBy, escalation, youSaid, next)));
            var page = StatusPageHtml.Page(view, "token", "seal", notice: null, error: null);
            if (mustNot is not null)
                Assert.That(page, Does.Not.Contain(mustNot));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
