using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Tests;

/// <summary>Given these events, when a decision is made, then these events or this refusal.</summary>
public static class Scenario
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Id = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    public static readonly PartyDirectory Registered = new(
    [
        new Party(Party.StoreId, PartyKind.Store, "The Store"),
        new Party("acme", PartyKind.Vendor, "Acme Apps"),
        new Party("photon", PartyKind.Vendor, "Photon Devices"),
    ]);

    public static readonly Actor Operator = Actor.Operator(Party.StoreId);
    public static readonly Actor Acme = Actor.Vendor("acme");
    public static readonly Actor Photon = Actor.Vendor("photon");

    public static ComplaintFiled Filed(DateTimeOffset? at = null) =>
        new(Id, "cust-1", "Photo Pro", "acme", "crash", "Crashes on start", Channel.App, Party.StoreId, at ?? T0);

    public static ComplaintHandedOff HandedOff(string from, string to, DateTimeOffset? at = null) =>
        new(from, to, HandoffReason.NeedsVendorFix, null, [], at ?? T0);

    public static ComplaintResolved Resolved(string by, DateTimeOffset? at = null) =>
        new(by, RootCause.ProductDefect, by, "Patched", at ?? T0);

    public static ComplaintClosed Closed(DateTimeOffset? at = null) => new(Party.StoreId, at ?? T0);

    /// <summary>The complaint as these events leave it.</summary>
    public static Complaint Given(params IComplaintEvent[] events) =>
        events.Aggregate((Complaint?)null, (state, e) => Complaint.Evolve(state, e)) ?? throw new InvalidOperationException("No ComplaintFiled first.");

    /// <summary>A complaint the store handed to acme: acme holds it.</summary>
    public static Complaint HeldByAcme() => Given(Filed(), HandedOff(Party.StoreId, "acme"));

    /// <summary>A complaint acme holds, brought to <paramref name="status"/> the ordinary way.</summary>
    public static Complaint InStatus(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Open => HeldByAcme(),
        ComplaintStatus.InProgress => Given(Filed(), HandedOff(Party.StoreId, "acme"), new ComplaintAcknowledged("acme", T0)),
        ComplaintStatus.AwaitingInformation => Given(Filed(), HandedOff(Party.StoreId, "acme"), new InformationRequested("acme", "?", T0)),
        ComplaintStatus.ResolutionProposed => Given(Filed(), HandedOff(Party.StoreId, "acme"), new ResolutionProposed("acme", "Update", T0)),
        ComplaintStatus.Resolved => Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme")),
        ComplaintStatus.Closed => Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme"), Closed()),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static void ShouldEmit<T>(this Decision decision, Action<T>? check = null) where T : IComplaintEvent
    {
        Assert.That(decision.Refusal, Is.Null, () => $"refused: {decision.Refusal}");
        Assert.That(decision.Events, Has.Count.EqualTo(1));
        Assert.That(decision.Events[0], Is.InstanceOf<T>());
        check?.Invoke((T)decision.Events[0]);
    }

    public static void ShouldRefuse(this Decision decision, RefusalCode code)
    {
        Assert.That(decision.Refusal?.Code, Is.EqualTo(code), () => $"events: {string.Join(", ", decision.Events)}");
        Assert.That(decision.Events, Is.Empty, "a refusal emits nothing");
        Assert.That(decision.Refusal!.Detail, Is.Not.Empty);
    }
}
