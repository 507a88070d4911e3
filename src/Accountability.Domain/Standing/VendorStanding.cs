using System.Collections.Immutable;
using Accountability.Domain.Decisions;
using Accountability.Domain.Rules;
using Accountability.Domain.Scorecards;

namespace Accountability.Domain.Standing;

/// <summary>Where a vendor stands with the marketplace: good, warned, on probation, or the relationship ended by the operator.</summary>
public enum StandingLevel
{
    Good,
    Warning,
    Probation,
    Ended,
}

/// <summary>What the operator may decide once a vendor is warned or on probation.</summary>
public enum StandingDecisionKind
{
    Reinstate,
    KeepOnProbation,
    EndRelationship,
}

/// <summary>
/// A vendor's figures over a window. The complaint rate needs the vendor's orders, which the service is never told:
/// <see cref="ComplaintRate"/> is always null and <see cref="ComplaintsReceived"/> is what is known.
/// </summary>
/// <param name="From">The window's start (inclusive): the policy's days back, or the last reinstatement if later.</param>
/// <param name="To">The window's end (exclusive): the moment of the evaluation.</param>
/// <param name="ComplaintsReceived">Complaints that reached the vendor for the first time in the window.</param>
/// <param name="ComplaintRate">Always null: a rate needs the vendor's orders, which the service is never told.</param>
/// <param name="HandoffsOut">Handoffs the vendor made in the window.</param>
/// <param name="BouncedBack">Of those, how many came back to the vendor later.</param>
/// <param name="BounceRate">bouncedBack / handoffsOut; null below the policy's minimum of handoffs (too few to judge).</param>
/// <param name="FoundLiable">Resolutions in the window naming the vendor liable.</param>
/// <param name="AmountCharged">Minor units charged less those reversed, per ISO 4217 currency.</param>
/// <param name="DeadlinesMissed">Stalled-holder flags against the vendor, less withdrawn ones (the scorecards' deadlineBreaches).</param>
public sealed record StandingFigures(
    DateTimeOffset From,
    DateTimeOffset To,
    int ComplaintsReceived,
    double? ComplaintRate,
    int HandoffsOut,
    int BouncedBack,
    double? BounceRate,
    int FoundLiable,
    IReadOnlyDictionary<string, long> AmountCharged,
    int DeadlinesMissed);

/// <summary>What an evaluation found: the figures and the standing they call for, with each threshold crossed.</summary>
/// <param name="Figures">The vendor's figures over the window.</param>
/// <param name="Level">The standing the figures call for.</param>
/// <param name="Crossed">Each threshold crossed, in words ("foundLiable 3 ≥ 3 (probation)"); empty in good standing.</param>
public sealed record StandingAssessment(StandingFigures Figures, StandingLevel Level, IReadOnlyList<string> Crossed);

/// <summary>
/// A vendor's standing as its stream tells it, at the time of its last event folded. A reinstatement starts the figures
/// afresh (<see cref="CountsFrom"/>): what was judged before it is not judged again.
/// </summary>
public sealed record VendorStanding(string VendorId, StandingLevel Level, DateTimeOffset? Since, DateTimeOffset? CountsFrom, int Version)
{
    public ImmutableList<IStandingEvent> History { get; init; } = [];

    public static VendorStanding New(string vendorId) => new(vendorId, StandingLevel.Good, null, null, 0);

    public VendorStanding Evolve(IStandingEvent e) => (e switch
    {
        VendorStandingChanged c => this with { Level = c.To, Since = c.At },
        VendorStandingDecided { Decision: StandingDecisionKind.Reinstate } d => this with { Level = d.To, Since = d.At, CountsFrom = d.At },
        VendorStandingDecided d => this with { Level = d.To, Since = d.To == Level ? Since : d.At },
        _ => this,
    }) with { Version = Version + 1, History = History.Add(e) };

    /// <summary>The standing as it was at <paramref name="at"/>: the stream replayed up to that moment.</summary>
    public static VendorStanding Replay(string vendorId, IEnumerable<IStandingEvent> events, DateTimeOffset? at = null) =>
        events.Where(e => at is null || e.At <= at).Aggregate(New(vendorId), (s, e) => s.Evolve(e));
}

/// <summary>The outcome of evaluating or deciding a standing: the events to append, or why nothing may be.</summary>
public sealed record StandingOutcome(IReadOnlyList<IStandingEvent> Events, Refusal? Refusal)
{
    public static StandingOutcome Emit(params IStandingEvent[] events) => new(events, null);

    public static StandingOutcome Refuse(RefusalCode code, string detail) => new([], new Refusal(code, detail));
}

/// <summary>
/// The standing rule (docs/standing.md): a pure function of the vendor's scorecard facts in the window. Any figure at or
/// over its probation threshold calls for probation, else any at or over its warning threshold for a warning, else good.
/// Warnings come and go with the figures; probation is lifted only by the operator; an ended relationship stays ended.
/// </summary>
public static class StandingRule
{
    public static StandingAssessment Assess(IEnumerable<ScorecardFact> vendorFacts, StandingSettings settings, DateTimeOffset from, DateTimeOffset to)
    {
        var facts = vendorFacts.Where(f => f.At >= from && f.At < to).ToList();
        int Count(params string[] kinds) => facts.Count(f => kinds.Contains(f.Kind));
        int Stalled(params string[] kinds) => facts.Count(f => kinds.Contains(f.Kind) && f.Label == RuleIds.StalledHolder);
        var handoffs = Count(FactKinds.HandedOff);
        var bounced = Count(FactKinds.BouncedBack);
        var figures = new StandingFigures(from, to, Count(FactKinds.Received), null, handoffs, bounced,
            handoffs >= settings.MinimumHandoffs && handoffs > 0 ? (double)bounced / handoffs : null,
            Count(FactKinds.FoundLiable),
            facts.Where(f => f.Kind is FactKinds.MoneyCharged or FactKinds.MoneyChargeReversed && f.Label is not null)
                .GroupBy(f => f.Label!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(f => (long)Math.Round(f.Kind == FactKinds.MoneyCharged ? f.Value ?? 0 : -(f.Value ?? 0)))),
            Stalled(FactKinds.Charged, FactKinds.Uncharged) - Stalled(FactKinds.ChargeWithdrawn, FactKinds.UnchargedWithdrawn));
        var crossed = new List<string>();
        var level = StandingLevel.Good;
        foreach (var (name, threshold) in new[] { (StandingLevel.Probation, settings.Probation), (StandingLevel.Warning, settings.Warning) })
        {
            var over = Over(figures, threshold, name.ToString().ToLowerInvariant());
            crossed.AddRange(over.Where(o => !crossed.Any(c => c.StartsWith(o.Split(' ')[0] + ' ', StringComparison.Ordinal))));
            if (over.Count > 0 && level == StandingLevel.Good)
                level = name;
        }
        return new StandingAssessment(figures, level, crossed);
    }

    private static List<string> Over(StandingFigures f, StandingThresholds t, string level)
    {
        var over = new List<string>();
        if (f.BounceRate is { } rate && rate >= t.BounceRate)
            over.Add($"bounceRate {rate:0.###} ≥ {t.BounceRate:0.###} ({level})");
        if (f.FoundLiable >= t.FoundLiable)
            over.Add($"foundLiable {f.FoundLiable} ≥ {t.FoundLiable} ({level})");
        if (f.DeadlinesMissed >= t.DeadlinesMissed)
            over.Add($"deadlinesMissed {f.DeadlinesMissed} ≥ {t.DeadlinesMissed} ({level})");
        return over;
    }

    /// <summary>Where the window begins: the policy's days back from now, or the last reinstatement if later.</summary>
    public static DateTimeOffset WindowStart(VendorStanding standing, StandingSettings settings, DateTimeOffset now)
    {
        var start = now - TimeSpan.FromDays(settings.WindowDays);
        return standing.CountsFrom is { } fresh && fresh > start ? fresh : start;
    }

    /// <summary>A change of standing when the assessment calls for one the vendor may move to on its own.</summary>
    public static StandingOutcome Evaluate(VendorStanding standing, StandingAssessment assessed, DateTimeOffset now)
    {
        if (standing.Level is StandingLevel.Ended or StandingLevel.Probation || assessed.Level == standing.Level)
            return StandingOutcome.Emit();
        return StandingOutcome.Emit(new VendorStandingChanged(standing.VendorId, standing.Level, assessed.Level, assessed.Figures, assessed.Crossed, now));
    }

    /// <summary>The operator's decision: reinstate (warned or on probation), keep on probation, or end the relationship (warned or on probation).</summary>
    public static StandingOutcome Decide(VendorStanding standing, StandingDecisionKind decision, string reason, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return StandingOutcome.Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator decides a vendor's standing.");
        if (string.IsNullOrWhiteSpace(reason))
            return StandingOutcome.Refuse(RefusalCode.ReasonMissing, "Say why: the reason is empty.");
        if (standing.Level == StandingLevel.Ended)
            return StandingOutcome.Refuse(RefusalCode.RelationshipEnded, $"The relationship with {standing.VendorId} was ended on {standing.Since:yyyy-MM-dd}; there is nothing more to decide.");
        if (standing.Level == StandingLevel.Good)
            return StandingOutcome.Refuse(RefusalCode.NothingToDecide, $"{standing.VendorId} is in good standing: there is nothing to decide.");
        if (decision == StandingDecisionKind.KeepOnProbation && standing.Level != StandingLevel.Probation)
            return StandingOutcome.Refuse(RefusalCode.NothingToDecide, $"{standing.VendorId} is warned, not on probation: reinstate it or end the relationship.");
        var to = decision switch
        {
            StandingDecisionKind.Reinstate => StandingLevel.Good,
            StandingDecisionKind.KeepOnProbation => StandingLevel.Probation,
            _ => StandingLevel.Ended,
        };
        return StandingOutcome.Emit(new VendorStandingDecided(standing.VendorId, decision, reason, actor.PartyId, to, now));
    }
}
