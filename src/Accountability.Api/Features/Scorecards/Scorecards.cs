namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// What every scorecard is computed over. Facts count when they happened in [From, To) (either end open when absent).
/// <paramref name="Party"/> keeps one party's card, or, for products, the complaints that party has held;
/// <paramref name="Product"/> and <paramref name="Category"/> keep the complaints about them.
/// </summary>
public sealed record ScorecardFilter(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? Party = null, string? Product = null, string? Category = null);

/// <summary>How many, and the median and 90th percentile (continuous, as PostgreSQL's percentile_cont) in seconds.</summary>
/// <param name="Count">How many durations were measured.</param>
/// <param name="MedianSeconds">Their median, in seconds; null when there were none.</param>
/// <param name="P90Seconds">Their 90th percentile, in seconds; null when there were none.</param>
public sealed record Durations(int Count, double? MedianSeconds, double? P90Seconds);

/// <summary>The customers' ratings (1 to 5 stars) given in the period, charged to the holder at the time.</summary>
/// <param name="Count">How many ratings.</param>
/// <param name="Average">Their average in stars; null when there were none.</param>
public sealed record Rating(int Count, double? Average);

/// <summary>One party's record over the period.</summary>
/// <param name="Party">The party's id.</param>
/// <param name="TimeToAcknowledge">From the start of a hold to the holder's acknowledgement, for acknowledgements in the period.</param>
/// <param name="TimeToResolve">From the start of a hold to the holder's resolution, for resolutions in the period.</param>
/// <param name="HandoffsOut">Complaints the party handed off to another party in the period.</param>
/// <param name="BouncedBack">Of those handoffs, how many came back to the party later.</param>
/// <param name="BounceBackRate">bouncedBack / handoffsOut, from 0 to 1; null when the party handed nothing off.</param>
/// <param name="CustomerDeflections">Times the party told the customer to ask someone else instead of handing the complaint over.</param>
/// <param name="DeadlineBreaches">Stalled-holder flags against the party: deadlines it let pass, less withdrawn ones.</param>
/// <param name="Resolutions">Complaints the party resolved while holding them, in the period.</param>
/// <param name="ReopenedResolutions">Of those resolutions, how many were reopened afterwards.</param>
/// <param name="ReopenRate">reopenedResolutions / resolutions, from 0 to 1; null when the party resolved nothing.</param>
/// <param name="ResolutionsByRootCause">The party's resolutions by the root cause it recorded, every root cause listed (0 included).</param>
/// <param name="ResolutionsByLiableParty">The party's resolutions by the id of the party the resolution named liable.</param>
/// <param name="FoundLiable">Resolutions in the period, by any party, that named this party liable.</param>
/// <param name="AmountCharged">Money charged to the party in the period, per ISO 4217 currency, less the charges reversed since; a currency appears once the party was charged in it.</param>
/// <param name="AppealsWon">The party's appeals of its charges decided in the period that the operator overturned.</param>
/// <param name="AppealsLost">The party's appeals of its charges decided in the period that the operator upheld.</param>
/// <param name="ComplaintsReceived">Complaints that reached the party for the first time in the period.</param>
/// <param name="HeldNow">Complaints the party holds now, unresolved, whatever the period; <paramref name="HeldNowSeconds"/> is how long their holds have run so far.</param>
/// <param name="HeldNowSeconds">How long the holds of the complaints it holds now have run up to asOf, summed, in seconds.</param>
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
    IReadOnlyDictionary<string, int> ResolutionsByLiableParty,
    int FoundLiable,
    IReadOnlyDictionary<string, decimal> AmountCharged,
    int AppealsWon,
    int AppealsLost);

/// <summary>One product's record over the period.</summary>
/// <param name="Product">The product or listing.</param>
/// <param name="Complaints">Complaints about it filed in the period.</param>
/// <param name="Categories">Those complaints by category.</param>
/// <param name="Resolutions">Resolutions of its complaints in the period.</param>
/// <param name="ReopenedResolutions">Of those resolutions, how many were reopened afterwards.</param>
/// <param name="ReopenRate">reopenedResolutions / resolutions, from 0 to 1; null when there were no resolutions.</param>
/// <param name="FlagsByRule">Flags raised on its complaints in the period, by rule id, less those replaced by a later flag or withdrawn.</param>
/// <param name="FoundLiable">Resolutions of its complaints in the period that named a party liable.</param>
/// <param name="AppealsWon">Appeals of charges on its complaints decided in the period for the appellant (overturned).</param>
/// <param name="AppealsLost">Appeals of charges on its complaints decided in the period against the appellant (upheld).</param>
public sealed record ProductScorecard(
    string Product,
    int Complaints,
    IReadOnlyDictionary<string, int> Categories,
    int Resolutions,
    int ReopenedResolutions,
    double? ReopenRate,
    IReadOnlyDictionary<string, int> FlagsByRule,
    int FoundLiable,
    int AppealsWon,
    int AppealsLost);

/// <summary>Party scorecards; <paramref name="AsOf"/> is the moment holds still running were counted up to.</summary>
/// <param name="From">The period's start (inclusive), as asked; null when open.</param>
/// <param name="To">The period's end (exclusive), as asked; null when open.</param>
/// <param name="AsOf">The moment holds still running were counted up to.</param>
/// <param name="Parties">A card per party.</param>
public sealed record PartyScorecards(DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset AsOf, IReadOnlyList<PartyScorecard> Parties);

/// <summary>Product scorecards.</summary>
/// <param name="From">The period's start (inclusive), as asked; null when open.</param>
/// <param name="To">The period's end (exclusive), as asked; null when open.</param>
/// <param name="AsOf">When the cards were computed.</param>
/// <param name="Products">A card per product, the most complained about first.</param>
public sealed record ProductScorecards(DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset AsOf, IReadOnlyList<ProductScorecard> Products);
