using System.Text.Json.Serialization;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Complaints;

/// <summary>A party named by its id and name.</summary>
/// <param name="Id">The party's id (store or a vendor's slug).</param>
/// <param name="DisplayName">The party's name as people read it.</param>
public sealed record PartyRef(string Id, string DisplayName)
{
    public static PartyRef Of(string id, PartyDirectory parties) => new(id, parties.NameOf(id));
}

/// <summary>
/// A running clock of the complaint: what is owed (a first response, the resolution, or evidence), the party that must act, when it
/// falls due, the seconds left (negative once overdue), and whether it is paused (waiting on the customer or a third
/// party: the time left stands still, and the due time is when it would fall due if the clock ran again now).
/// </summary>
/// <param name="Kind">What is owed: a first response, the resolution, or evidence asked for.</param>
/// <param name="MustAct">The party the deadline binds: the holder, or the party asked for evidence.</param>
/// <param name="DueAt">When it falls due (UTC); for a paused clock, when it would fall due if it ran again now.</param>
/// <param name="SecondsLeft">Seconds until it falls due: negative once overdue; kept as at the pause while paused.</param>
/// <param name="Paused">Whether the clock stands still because the customer or a third party has the next move.</param>
/// <param name="Overdue">Whether the deadline has passed and the holder still owes it; never while paused.</param>
public sealed record ClockView(DeadlineKind Kind, PartyRef MustAct, DateTimeOffset DueAt, long SecondsLeft, bool Paused, bool Overdue)
{
    public static IReadOnlyList<ClockView> Of(IEnumerable<RunningClock> clocks, PartyDirectory parties, DateTimeOffset now) =>
        [.. clocks.Select(c => new ClockView(c.Kind, PartyRef.Of(c.Holder, parties), c.DueFrom(now), (long)Math.Floor(c.LeftAt(now).TotalSeconds),
            c.IsPaused, c.IsOverdueAt(now)))];
}

/// <summary>A charge to a party: its share of a remedy, or a correction; reversed ones stay, with their reversal.</summary>
/// <param name="Id">The charge's id, which a reversal names.</param>
/// <param name="Party">The party charged.</param>
/// <param name="Amount">How much, and in which currency.</param>
/// <param name="Cause">Why: Remedy (a resolution's) or Correction (in place of a reversed charge).</param>
/// <param name="At">When it was made.</param>
/// <param name="Version">The complaint's version its event made (see the timeline).</param>
/// <param name="Replaces">For a correction, the id of the reversed charge it replaces.</param>
/// <param name="Reversal">Why, by whom and when it was reversed; absent while it stands.</param>
/// <param name="Appeal">The charged party's appeal and, once decided, the decision; absent when it was not appealed.</param>
public sealed record ChargeView(Guid Id, PartyRef Party, Money Amount, ChargeCause Cause, DateTimeOffset At, long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Replaces,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChargeReversal? Reversal,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AppealView? Appeal = null)
{
    public static IReadOnlyList<ChargeView> Of(IEnumerable<Charge> charges, PartyDirectory parties) =>
        [.. charges.Select(c => new ChargeView(c.Id, PartyRef.Of(c.Party, parties), c.Amount, c.Cause, c.At, c.Version, c.Replaces, c.Reversal,
            c.Appeal is { } appeal ? new AppealView(appeal.State, appeal.Statement, appeal.Evidence, appeal.At, appeal.Decision) : null))];
}

/// <summary>A charge's appeal as a complaint's answer shows it.</summary>
/// <param name="State">Open until the operator decides it, then Upheld or Overturned.</param>
/// <param name="Statement">Why the party charged holds the charge wrong.</param>
/// <param name="Evidence">References to its evidence.</param>
/// <param name="At">When it appealed.</param>
/// <param name="Decision">The operator's outcome, reason, who and when; absent while open.</param>
public sealed record AppealView(AppealState State, string Statement, IReadOnlyList<string> Evidence, DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AppealDecision? Decision);

/// <param name="Party">The party's id.</param>
/// <param name="DisplayName">The party's name as people read it.</param>
/// <param name="Seconds">How long the party has held the complaint in all, the current hold included, in seconds.</param>
public sealed record TimeHeld(string Party, string DisplayName, long Seconds);

/// <summary>
/// A complaint as the API shows it: its state, who holds it and who answers for it, how long each party has held it,
/// and the flags the rules raised (the latest 50, evidence as stream versions; the timeline gives each version's event).
/// </summary>
/// <param name="Id">The complaint's id.</param>
/// <param name="Status">Where the complaint stands in its life.</param>
/// <param name="Holder">The party that must act now.</param>
/// <param name="Vendor">The vendor whose product it is about.</param>
/// <param name="Product">The product or listing.</param>
/// <param name="Category">What kind of trouble it is.</param>
/// <param name="CustomerReference">The store's own reference for the customer.</param>
/// <param name="Channel">How the customer reached the store.</param>
/// <param name="Severity">How urgent it is; it sets the holders' deadlines.</param>
/// <param name="Description">What the customer reported.</param>
/// <param name="HandoffCount">How many times it was handed from one party to another.</param>
/// <param name="ReopenCount">How many times it was reopened.</param>
/// <param name="TimeHeld">How long each party has held it.</param>
/// <param name="FiledAt">When it was filed.</param>
/// <param name="LastChangedAt">When its last event happened.</param>
/// <param name="ResolvedAt">When it was last resolved; absent while unresolved.</param>
/// <param name="ClosedAt">When it was closed; absent while open.</param>
/// <param name="Accountable">The party that answers for it now: the holder, or the store once the rules escalated it.</param>
/// <param name="Escalation">Why and when the rules made the store accountable; absent when they have not.</param>
/// <param name="FlaggedRules">The rules that have flagged it (ids such as bounce, ping-pong).</param>
/// <param name="Flags">The flags themselves, the latest 50, on a single complaint's read; absent in lists.</param>
/// <param name="Version">The complaint's version: its ETag, to send back as If-Match.</param>
/// <param name="Claim">What is at stake: the customer's claim from filing (the order's price), or the policy's default; null when neither gave one.</param>
/// <param name="Charges">The charges made on it, oldest first, reversed ones included, on a single complaint's read; absent in lists.</param>
public sealed record ComplaintView(
    Guid Id,
    ComplaintStatus Status,
    PartyRef Holder,
    PartyRef Vendor,
    string Product,
    string Category,
    string CustomerReference,
    Channel Channel,
    Severity Severity,
    string Description,
    int HandoffCount,
    int ReopenCount,
    IReadOnlyList<TimeHeld> TimeHeld,
    DateTimeOffset FiledAt,
    DateTimeOffset LastChangedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    PartyRef Accountable,
    Escalation? Escalation,
    IReadOnlyList<string> FlaggedRules,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Flag>? Flags,
    long Version,
    Money? Claim,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChargeView>? Charges) : Commands.IShowsSecretOnce
{
    /// <summary>The customer's status page link: only in the answer that issues it (filing, reissuing), never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TrackingLink { get; init; }

    /// <summary>The running clocks, soonest due first: in the complaint's answer and in list items, not in a write's answer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ClockView>? Clocks { get; init; }

    /// <summary>The requests for evidence, oldest first: on a single complaint's read and a write's answer; absent in lists and when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EvidenceRequestView>? EvidenceRequests { get; init; }

    public object WithoutSecret() => this with { TrackingLink = null };

    /// <summary>What <paramref name="actor"/> may read of it: a vendor sees its own charges and evidence requests only.</summary>
    public ComplaintView SeenBy(Actor actor) => this with
    {
        Charges = Charges?.Where(c => actor.MayRead(c.Party.Id)).ToList(),
        EvidenceRequests = EvidenceRequests?.Where(r => actor.MayRead(r.Party.Id)).ToList() is { Count: > 0 } readable ? readable : null,
    };

    /// <param name="withFlags">False for list items: they name the rules that flagged the complaint, not every flag.</param>
    public static ComplaintView From(Complaint c, PartyDirectory parties, DateTimeOffset now, bool withFlags = true) => new(
        c.Id, c.Status, PartyRef.Of(c.Holder, parties), PartyRef.Of(c.VendorId, parties),
        c.Product, c.Category, c.CustomerReference, c.Channel, c.Severity, c.Description, c.HandoffCount, c.ReopenCount,
        TimeHeldOf(c.TimeHeld(now), parties),
        c.FiledAt, c.LastChangedAt, c.ResolvedAt, c.ClosedAt, PartyRef.Of(c.AccountableParty(), parties), c.Escalation,
        c.FlaggedRules, withFlags ? c.Flags : null, c.Version, c.Claim, withFlags ? ChargeView.Of(c.Charges, parties) : null)
    {
        EvidenceRequests = withFlags && c.EvidenceRequests.Count > 0 ? EvidenceRequestView.Of(c, parties) : null,
    };

    /// <summary>Each party's time held, in the order of their ids.</summary>
    public static IReadOnlyList<TimeHeld> TimeHeldOf(IReadOnlyDictionary<string, TimeSpan> held, PartyDirectory parties) =>
        [.. held.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TimeHeld(t.Key, parties.NameOf(t.Key), (long)t.Value.TotalSeconds))];
}
