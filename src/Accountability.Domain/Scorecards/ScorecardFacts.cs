namespace Accountability.Domain.Scorecards;

/// <summary>The kinds of fact a scorecard counts, each dated when it happened and charged to one party.</summary>
public static class FactKinds
{
    /// <summary>The complaint was filed (by the store); its label is the category.</summary>
    public const string Filed = "filed";
    /// <summary>A party received the complaint for the first time: at filing, by assignment or by handoff.</summary>
    public const string Received = "received";
    /// <summary>The holder acknowledged; the value is the seconds since its hold began.</summary>
    public const string Acknowledged = "acknowledged";
    public const string HandedOff = "handed-off";
    /// <summary>A handoff whose complaint later came back to the party that handed it off; dated as the handoff.</summary>
    public const string BouncedBack = "bounced-back";
    public const string CustomerRedirected = "customer-redirected";
    /// <summary>A rule flagged the complaint, once per flag (products count these); the label is the rule.</summary>
    public const string Flagged = "flagged";
    /// <summary>A flagged story grew and a later flag replaced this one (products subtract these); dated and labelled as the replaced flag.</summary>
    public const string FlagSuperseded = "flag-superseded";
    /// <summary>A flag charged to this party, one per party it names (parties' cards count these); the label is the rule.</summary>
    public const string Charged = "charged";
    /// <summary>A charge withdrawn because a later flag of the same story replaced the flag; dated and labelled as the replaced flag.</summary>
    public const string ChargeSuperseded = "charge-superseded";
    /// <summary>A flag a re-judging withdrew (products subtract these); dated and labelled as the withdrawn flag.</summary>
    public const string FlagWithdrawn = "flag-withdrawn";
    /// <summary>A charge withdrawn with its flag by a re-judging, one per party the flag named; dated and labelled as the flag.</summary>
    public const string ChargeWithdrawn = "charge-withdrawn";
    /// <summary>A flag recorded before flags named whom they charge: counted apart, against whoever acted last (the holder for stalled holders and reopen loops).</summary>
    public const string Uncharged = "uncharged";
    /// <summary>An uncharged flag a re-judging withdrew; dated, labelled and counted against the same party as the flag.</summary>
    public const string UnchargedWithdrawn = "uncharged-withdrawn";
    /// <summary>
    /// The holder resolved, or the store by default judgment; the value is the seconds since the resolver's hold began
    /// (none for a judgment: the store held nothing), the label the root cause, plus the liable party.
    /// </summary>
    public const string Resolved = "resolved";
    /// <summary>A resolution named this party liable, whoever resolved; dated as the resolution, the label the root cause.</summary>
    public const string FoundLiable = "found-liable";
    /// <summary>Money charged to this party (a remedy's share or a correction); the value is the amount in minor units, the label the currency.</summary>
    public const string MoneyCharged = "money-charged";
    /// <summary>A money charge reversed; dated, valued and labelled as the charge it takes back.</summary>
    public const string MoneyChargeReversed = "money-charge-reversed";
    /// <summary>An appeal of a charge decided for the appellant (overturned): counted on the appellant's row, dated as the decision.</summary>
    public const string AppealWon = "appeal-won";
    /// <summary>An appeal of a charge decided against the appellant (upheld): counted on the appellant's row, dated as the decision.</summary>
    public const string AppealLost = "appeal-lost";
    /// <summary>A resolution that was reopened afterwards; dated and charged as the resolution.</summary>
    public const string ResolutionReopened = "resolution-reopened";
    /// <summary>The customer rated the handling; the value is the stars, charged to the holder at the time.</summary>
    public const string Rated = "rated";
    /// <summary>A hold ended (passed on, resolved, closed, cancelled, or paused by a wait); the value is its length in seconds, dated at its end.</summary>
    public const string HoldEnded = "hold-ended";
}

/// <summary>
/// One countable fact. <paramref name="Version"/> is the stream version of the event that proved it (for bounce-backs
/// and reopened resolutions, the handoff's or the resolution's), so with the kind it names the fact once.
/// </summary>
public sealed record ScorecardFact(
    string Kind, long Version, string Party, DateTimeOffset At, double? Value = null, string? Label = null, string? Liable = null);

/// <summary>
/// A stretch of a party's clock running on the complaint: from receiving it (a reopening, or the end of a wait) until it
/// passed it on, resolved it, or began waiting on the customer or a third party.
/// </summary>
public sealed record Hold(long Version, string Party, DateTimeOffset Start, DateTimeOffset? End);
