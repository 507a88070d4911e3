namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// What every scorecard is computed over. Facts count when they happened in [From, To) (either end open when absent).
/// <paramref name="Party"/> keeps one party's card, or, for products, the complaints that party has held;
/// <paramref name="Product"/> and <paramref name="Category"/> keep the complaints about them.
/// </summary>
public sealed record ScorecardFilter(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? Party = null, string? Product = null, string? Category = null);

/// <summary>How many, and the median and 90th percentile (continuous, as PostgreSQL's percentile_cont) in seconds.</summary>
public sealed record Durations(int Count, double? MedianSeconds, double? P90Seconds);

public sealed record Rating(int Count, double? Average);

/// <param name="ComplaintsReceived">Complaints that reached the party for the first time in the period.</param>
/// <param name="HeldNow">Complaints the party holds now, unresolved, whatever the period; <paramref name="HeldNowSeconds"/> is how long their holds have run so far.</param>
/// <param name="FlagsByRule">Flags charged to the party, by rule; a flag charging several parties counts for each, and one a later flag of the same story replaced no longer counts.</param>
/// <param name="UnchargedFlags">Flags recorded before flags named whom they charge, counted against whoever acted last.</param>
/// <param name="TimeHeldSeconds">The length of the party's holds that ended in the period (passed on, resolved or closed).</param>
public sealed record PartyScorecard(
    string Party,
    int ComplaintsReceived,
    int HeldNow,
    double HeldNowSeconds,
    Durations TimeToAcknowledge,
    Durations TimeToResolve,
    double TimeHeldSeconds,
    int HandoffsOut,
    int BouncedBack,
    double? BounceBackRate,
    int CustomerDeflections,
    IReadOnlyDictionary<string, int> FlagsByRule,
    int DeadlineBreaches,
    int UnchargedFlags,
    int Resolutions,
    int ReopenedResolutions,
    double? ReopenRate,
    Rating Rating,
    IReadOnlyDictionary<string, int> ResolutionsByRootCause,
    IReadOnlyDictionary<string, int> ResolutionsByLiableParty);

public sealed record ProductScorecard(
    string Product,
    int Complaints,
    IReadOnlyDictionary<string, int> Categories,
    int Resolutions,
    int ReopenedResolutions,
    double? ReopenRate,
    IReadOnlyDictionary<string, int> FlagsByRule);

/// <summary>Party scorecards; <paramref name="AsOf"/> is the moment holds still running were counted up to.</summary>
public sealed record PartyScorecards(DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset AsOf, IReadOnlyList<PartyScorecard> Parties);

public sealed record ProductScorecards(DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset AsOf, IReadOnlyList<ProductScorecard> Products);
