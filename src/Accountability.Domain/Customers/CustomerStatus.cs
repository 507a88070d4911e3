using System.Collections.Immutable;
using Accountability.Domain.Clocks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Customers;

/// <summary>Milestones the customer sees. Handoff notes, reasons, evidence and flags are internal and have none.</summary>
public enum MilestoneKind
{
    Filed,
    HandedOver,
    Acknowledged,
    InformationRequested,
    InformationProvided,
    WaitingOnThirdParty,
    ThirdPartyResponded,
    FixProposed,
    FixConfirmed,
    FixRejected,
    Resolved,
    Reopened,
    Escalated,
    Closed,
    Cancelled,
    Rated,
    StepInAsked,
    TakenOver,
}

/// <param name="Party">Who the milestone is about (who received the complaint, who acts), as a party id.</param>
/// <param name="Text">Words addressed to the customer: the question asked, the fix proposed; never internal notes.</param>
/// <param name="From">Who had it before, on a takeover.</param>
public sealed record Milestone(MilestoneKind Kind, DateTimeOffset At, string? Party = null, string? Text = null, int? Stars = null, string? From = null)
{
    /// <summary>Whether the customer did this themself (answered, confirmed, rejected, reopened, rated, asked the store to step in).</summary>
    public bool ByCustomer => Party == Parties.Party.CustomerId;
}

/// <summary>
/// A complaint as its customer may see it, folded from its events: where it stands, who has it, since when, and
/// the milestones so far. It carries the SHA-256 of the tracking token that opens it, or none once revoked.
/// </summary>
public sealed record CustomerStatus(
    Guid Id,
    string? TokenHash,
    string Product,
    ComplaintStatus Status,
    string Holder,
    Severity Severity,
    DateTimeOffset FiledAt,
    DateTimeOffset HeldSince,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? EscalatedAt,
    string? OpenQuestion,
    string? ProposedFix,
    int? Rating,
    ImmutableList<Milestone> Milestones)
{
    /// <summary>The page shows the latest milestones; a complaint passed around for months must not grow it without bound.</summary>
    public const int MilestonesKept = 100;

    /// <summary>The stream version this view was folded up to.</summary>
    public long Version { get; init; }

    /// <summary>The holder's clock, the same the deadlines and scorecards read: the page's promise moves with its pauses.</summary>
    public HolderClock Clock { get; init; } = null!;

    /// <summary>Every party that has held the complaint, in the order they first did.</summary>
    public ImmutableList<string> Involved { get; init; } = [];

    /// <summary>The versions of the flags that stand in this episode: never shown, they only open the step-in form.</summary>
    public ImmutableList<long> EpisodeFlags { get; init; } = [];

    /// <summary>Whether the customer asked the store to step in during this episode.</summary>
    public bool StepInAsked { get; init; }

    /// <summary>Whether the customer confirmed the fix now proposed.</summary>
    public bool FixConfirmed { get; init; }

    /// <summary>Whether the customer may ask the store to step in now: the same reading the decision makes.</summary>
    public StepInStanding StepInStanding() => StepIn.Standing(Status, Holder, EpisodeFlags.Count > 0, StepInAsked);

    public static CustomerStatus? Evolve(CustomerStatus? view, object @event)
    {
        if (view is null)
            return @event is ComplaintFiled filed ? Start(filed) : null;
        var next = @event switch
        {
            ComplaintAssigned e => view.HandedTo(e.To, e.At),
            ComplaintHandedOff e => view.HandedTo(e.To, e.At),
            ComplaintTakenOver e => view.HandedTo(e.To, e.At, new Milestone(MilestoneKind.TakenOver, e.At, e.To, From: e.From)),
            StepInRequested e => view.With(new Milestone(MilestoneKind.StepInAsked, e.At, e.By)) with { StepInAsked = true },
            FlagRaised e => view with { EpisodeFlags = view.EpisodeFlags.RemoveAll(v => e.Supersedes?.Contains(v) == true).Add(view.Version + 1) },
            FlagWithdrawn e => view with { EpisodeFlags = view.EpisodeFlags.Remove(e.Flag) },
            ComplaintAcknowledged e => view.With(new Milestone(MilestoneKind.Acknowledged, e.At, e.By)),
            InformationRequested e => view.With(new Milestone(MilestoneKind.InformationRequested, e.At, e.By, e.Question)) with { OpenQuestion = e.Question },
            InformationProvided e => view.With(new Milestone(MilestoneKind.InformationProvided, e.At, e.By)) with { OpenQuestion = null },
            ThirdPartyWaitStarted e => view.With(new Milestone(MilestoneKind.WaitingOnThirdParty, e.At, e.By)),
            ThirdPartyResponded e => view.With(new Milestone(MilestoneKind.ThirdPartyResponded, e.At, e.By)),
            ResolutionProposed e => view.With(new Milestone(MilestoneKind.FixProposed, e.At, e.By, e.Summary)) with { ProposedFix = e.Summary, FixConfirmed = false },
            ResolutionConfirmed e => view.With(new Milestone(MilestoneKind.FixConfirmed, e.At, e.By)) with { FixConfirmed = true },
            ResolutionRejected e => view.With(new Milestone(MilestoneKind.FixRejected, e.At, e.By)) with { ProposedFix = null, FixConfirmed = false },
            ComplaintResolved e => view.With(new Milestone(MilestoneKind.Resolved, e.At, e.By)).EndEpisode(),
            ComplaintReopened e => view.With(new Milestone(MilestoneKind.Reopened, e.At, e.By)).EndEpisode() with
            {
                HeldSince = e.At, ClosedAt = null, ProposedFix = null, FixConfirmed = false,
            },
            ComplaintClosed e => view.With(new Milestone(MilestoneKind.Closed, e.At, e.By)).EndEpisode() with { ClosedAt = e.At },
            ComplaintCancelled e => view.With(new Milestone(MilestoneKind.Cancelled, e.At, e.By)).EndEpisode() with { ClosedAt = e.At },
            ComplaintRated e => view.With(new Milestone(MilestoneKind.Rated, e.At, e.By, Stars: e.Stars)) with { Rating = e.Stars },
            ComplaintEscalated e => view.EscalatedAt is null ? view.With(new Milestone(MilestoneKind.Escalated, e.At)) with { EscalatedAt = e.At } : view,
            TrackingLinkReissued e => view with { TokenHash = e.TokenHash },
            TrackingLinkRevoked => view with { TokenHash = null },
            _ => view,
        };
        var version = view.Version + 1;
        return next with { Status = Complaint.StatusAfter(@event) ?? next.Status, Version = version, Clock = view.Clock.Evolve(@event, version) };
    }

    private static CustomerStatus Start(ComplaintFiled e) => new(
        e.ComplaintId, e.TrackingTokenHash, e.Product, ComplaintStatus.Open, e.By, e.Severity, e.At, e.At,
        ClosedAt: null, EscalatedAt: null, OpenQuestion: null, ProposedFix: null, Rating: null,
        [new Milestone(MilestoneKind.Filed, e.At, e.By)])
    {
        Version = 1,
        Clock = HolderClock.Start(e),
        Involved = [e.By],
    };

    private CustomerStatus HandedTo(string party, DateTimeOffset at, Milestone? milestone = null) =>
        With(milestone ?? new Milestone(MilestoneKind.HandedOver, at, party)) with
        {
            Holder = party, HeldSince = at, Involved = Involved.Contains(party) ? Involved : Involved.Add(party),
        };

    /// <summary>A resolution, closing, cancelling or reopening ends the episode: its flags and its step-in request with it.</summary>
    private CustomerStatus EndEpisode() => this with { EpisodeFlags = [], StepInAsked = false };

    private CustomerStatus With(Milestone milestone) => this with
    {
        Milestones = Milestones.Count >= MilestonesKept ? Milestones.RemoveAt(0).Add(milestone) : Milestones.Add(milestone),
    };
}
