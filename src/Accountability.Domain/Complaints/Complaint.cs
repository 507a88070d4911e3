using System.Collections.Immutable;
using Accountability.Domain.Clocks;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Complaints;

/// <summary>A complaint's current state, folded from its events. Immutable: each event yields a new state.</summary>
public sealed record Complaint(
    Guid Id,
    string CustomerReference,
    string Product,
    string VendorId,
    string Category,
    string Description,
    Channel Channel,
    ComplaintStatus Status,
    string Holder,
    DateTimeOffset HeldSince,
    HolderClock Clock,
    ImmutableList<string> PartiesInvolved,
    int HandoffCount,
    int ReopenCount,
    DateTimeOffset FiledAt,
    DateTimeOffset LastChangedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>The stream version this state was folded up to.</summary>
    public long Version { get; init; }

    /// <summary>How urgent the complaint is: it sets the holders' deadlines.</summary>
    public Severity Severity { get; init; } = Severity.Medium;

    /// <summary>The version of the event that gave the current holder the complaint (or reopened it): its deadlines run from there.</summary>
    public long HoldStartVersion => Clock.HoldStartVersion;

    /// <summary>What the rules remember of the history so far.</summary>
    public RuleTrack Track { get; init; } = null!;

    /// <summary>The most recent flags, newest last; the stream keeps them all.</summary>
    public ImmutableList<Flag> Flags { get; init; } = [];

    /// <summary>The rules with a flag that stands (raised, neither superseded nor withdrawn), in the order they first did.</summary>
    public ImmutableList<string> FlaggedRules { get; init; } = [];

    /// <summary>How many flags of each rule stand; the stream may hold more flags than <see cref="Flags"/> keeps.</summary>
    public ImmutableDictionary<string, int> StandingFlags { get; init; } = ImmutableDictionary<string, int>.Empty;

    public const int RecentFlagsKept = 50;

    /// <summary>Whether a tracking link currently opens the customer's status page.</summary>
    public bool HasTrackingLink { get; init; }

    /// <summary>What is at stake: the customer's claim from filing (the order's price), or the policy's default; null when neither gave one.</summary>
    public Liability.Money? Claim { get; init; }

    /// <summary>Every charge made on the complaint, oldest first, reversed ones included (marked).</summary>
    public ImmutableList<Liability.Charge> Charges { get; init; } = [];

    /// <summary>The customer's latest rating of the handling (1 to 5), if any.</summary>
    public int? Rating { get; init; }

    /// <summary>Set once a flag made the marketplace accountable.</summary>
    public Escalation? Escalation { get; init; }

    /// <summary>The version of the event that ended the last episode (a resolution, closing or cancelling) or began this one (a reopening); 0 in the first.</summary>
    public long EpisodeStart { get; init; }

    /// <summary>The version at which the customer asked the store to step in, in this episode; null when they have not.</summary>
    public long? StepInAsked { get; init; }

    /// <summary>The flags of this episode that stand: the grounds on which the customer may ask the store to step in.</summary>
    public IEnumerable<Flag> EpisodeFlags() => Flags.Where(f => f.Version > EpisodeStart);

    /// <summary>Every request for evidence on this complaint, oldest first, each with where it stands.</summary>
    public ImmutableList<EvidenceRequest> EvidenceRequests { get; init; } = [];

    /// <summary>Whether the customer may ask the store to step in now, and if not, why not.</summary>
    public Customers.StepInStanding StepInStanding() =>
        Customers.StepIn.Standing(Status, Holder, EpisodeFlags().Any(), StepInAsked is not null);

    /// <summary>Who answers for the complaint: its holder, or the marketplace itself once escalated.</summary>
    public string AccountableParty() => Escalation is null ? Holder : Party.StoreId;

    /// <summary>Whether the complaint has ended: closed, or cancelled. Only a reopening brings it back.</summary>
    public bool HasEnded => Status is ComplaintStatus.Closed or ComplaintStatus.Cancelled;

    /// <summary>How long each party has held the complaint on the holder's clock (<see cref="HolderClock"/>), up to <paramref name="now"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> TimeHeld(DateTimeOffset now) => Clock.TimeHeld(now);

    /// <summary>Folds one event into the state. Every event counts towards the version, even one the state ignores.</summary>
    public static Complaint? Evolve(Complaint? state, object @event) =>
        state is null ? @event is ComplaintFiled filed ? Start(filed) : null : new Complaint(state, @event);

    /// <summary>
    /// The state after one event, in one copy: the fold runs for every event judged or imported, and a <c>with</c> per
    /// change made several copies of the whole state each time.
    /// </summary>
    private Complaint(Complaint state, object @event) : this(state)
    {
        var version = state.Version + 1;
        switch (@event)
        {
            case ComplaintAssigned e:
                (Holder, HeldSince, LastChangedAt, PartiesInvolved) = MoveTo(e.To, e.At);
                break;
            case ComplaintHandedOff e:
                (Holder, HeldSince, LastChangedAt, PartiesInvolved) = MoveTo(e.To, e.At);
                HandoffCount++;
                break;
            case ComplaintTakenOver e:
                (Holder, HeldSince, LastChangedAt, PartiesInvolved) = MoveTo(e.To, e.At);
                break;
            case StepInRequested e:
                (LastChangedAt, StepInAsked) = (e.At, version);
                break;
            case ComplaintResolved e:
                (LastChangedAt, ResolvedAt) = (e.At, e.At);
                (EpisodeStart, StepInAsked) = (version, null);
                break;
            case ComplaintReopened e:
                HeldSince = LastChangedAt = e.At;
                ReopenCount++;
                (ResolvedAt, ClosedAt) = (null, null);
                (EpisodeStart, StepInAsked) = (version, null);
                break;
            case ComplaintClosed or ComplaintCancelled:
                (LastChangedAt, ClosedAt) = (((IComplaintEvent)@event).At, ((IComplaintEvent)@event).At);
                (EpisodeStart, StepInAsked) = (version, null);
                break;
            case ComplaintAcknowledged or CustomerRedirected or InformationRequested or InformationProvided or ThirdPartyWaitStarted
                or ThirdPartyResponded or ResolutionProposed or ResolutionConfirmed or ResolutionRejected:
                LastChangedAt = ((IComplaintEvent)@event).At;
                break;
            case ComplaintRated e:
                Rating = e.Stars;
                break;
            case ChargeCreated e:
                Charges = state.Charges.Add(Liability.Charge.From(e, version));
                break;
            case ChargeReversed e:
                Charges = state.Charges.ConvertAll(c => c.Id == e.ChargeId ? c with { Reversal = new(e.Reason, e.By, e.At) } : c);
                break;
            case ChargeAppealed e:
                Charges = state.Charges.ConvertAll(c => c.Id == e.ChargeId ? c with { Appeal = new(e.Statement, e.Evidence, e.At) } : c);
                break;
            case AppealDecided e:
                Charges = state.Charges.ConvertAll(c => c.Id == e.ChargeId && c.Appeal is { } appeal
                    ? c with { Appeal = appeal with { Decision = new(e.Outcome, e.Reason, e.By, e.At) } } : c);
                break;
            case TrackingLinkReissued or TrackingLinkRevoked:
                HasTrackingLink = @event is TrackingLinkReissued;
                break;
            case FlagRaised or FlagWithdrawn:
                var flagged = @event is FlagRaised raised ? state.On(raised, version) : state.On((FlagWithdrawn)@event);
                (Flags, FlaggedRules, StandingFlags) = (flagged.Flags, flagged.FlaggedRules, flagged.StandingFlags);
                break;
            case ComplaintEscalated e:
                Escalation = new Escalation(e.Rule, e.Reason, e.At);
                break;
            case EvidenceRequested or EvidenceSubmitted or EvidenceDeadlineMissed:
                LastChangedAt = ((IComplaintEvent)@event).At;
                break;
        }
        EvidenceRequests = Complaints.EvidenceRequests.Evolve(state.EvidenceRequests, @event, version);
        Status = StatusAfter(@event) ?? Status;
        Version = version;
        Track = state.Track.Evolve(state.Holder, @event, version);
        Clock = state.Clock.Evolve(@event, version);
    }

    /// <summary>Where an event moves a complaint's status; null when it leaves the status as it was.</summary>
    public static ComplaintStatus? StatusAfter(object @event) => @event switch
    {
        ComplaintFiled or ComplaintAssigned or ComplaintHandedOff or ComplaintTakenOver or ComplaintReopened => ComplaintStatus.Open,
        ComplaintAcknowledged or InformationProvided or ThirdPartyResponded or ResolutionRejected => ComplaintStatus.InProgress,
        InformationRequested => ComplaintStatus.AwaitingInformation,
        ThirdPartyWaitStarted => ComplaintStatus.AwaitingThirdParty,
        ResolutionProposed => ComplaintStatus.ResolutionProposed,
        ComplaintResolved => ComplaintStatus.Resolved,
        ComplaintClosed => ComplaintStatus.Closed,
        ComplaintCancelled => ComplaintStatus.Cancelled,
        _ => null,
    };

    private static Complaint Start(ComplaintFiled e) => new(
        e.ComplaintId, e.CustomerReference, e.Product, e.VendorId, e.Category, e.Description, e.Channel,
        ComplaintStatus.Open, e.By, e.At, HolderClock.Start(e), [e.By],
        HandoffCount: 0, ReopenCount: 0, e.At, e.At, ResolvedAt: null, ClosedAt: null)
    {
        Version = 1,
        Severity = e.Severity,
        Track = RuleTrack.Start(e.At),
        HasTrackingLink = e.TrackingTokenHash is not null,
        Claim = e.Claim,
    };

    /// <summary>A new holder starts unacknowledged (see <see cref="StatusAfter"/>), with its own clock.</summary>
    private (string Holder, DateTimeOffset HeldSince, DateTimeOffset LastChangedAt, ImmutableList<string> PartiesInvolved) MoveTo(string holder, DateTimeOffset at) =>
        (holder, at, at, PartiesInvolved.Contains(holder) ? PartiesInvolved : PartiesInvolved.Add(holder));

    private Complaint On(FlagRaised e, long version)
    {
        var superseded = Flags.Where(f => e.Supersedes?.Contains(f.Version) == true).ToList();
        var flags = Flags.RemoveAll(superseded.Contains)
            .Add(new Flag(e.Rule, e.Severity, e.Evidence, e.Sentence, e.At, version) { Charged = e.Charged, Supersedes = e.Supersedes });
        var standing = superseded.Aggregate(Standing(e.Rule, +1), (state, flag) => state.Standing(flag.Rule, -1));
        return standing with { Flags = flags.Count > RecentFlagsKept ? flags.RemoveAt(0) : flags };
    }

    private Complaint On(FlagWithdrawn e) => Standing(e.Rule, -1) with { Flags = Flags.RemoveAll(f => f.Version == e.Flag) };

    /// <summary>One more (or one fewer) standing flag of a rule; a document folded before the counts were kept counts from none.</summary>
    private Complaint Standing(string rule, int change)
    {
        var count = Math.Max(0, StandingFlags.GetValueOrDefault(rule) + change);
        return this with
        {
            StandingFlags = count == 0 ? StandingFlags.Remove(rule) : StandingFlags.SetItem(rule, count),
            FlaggedRules = count == 0 ? FlaggedRules.Remove(rule) : FlaggedRules.Contains(rule) ? FlaggedRules : FlaggedRules.Add(rule),
        };
    }
}
