using Accountability.Domain.Complaints;

namespace Accountability.Domain.Rules;

/// <summary>How serious a complaint or a flag is; a complaint's severity sets its holders' deadlines.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>What every rule's settings say: whether it runs, how serious its flag is, and whether the flag escalates.</summary>
public interface IRuleSettings
{
    bool Enabled { get; }
    Severity Severity { get; }
    bool Escalates { get; }
}

/// <summary>Back and forth between the same two parties.</summary>
/// <param name="Handoffs">How many handoffs back and forth between the same two parties make a flag (A to B to A is 2).</param>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record PingPongSettings(bool Enabled, Severity Severity, bool Escalates, int Handoffs) : IRuleSettings;

/// <summary>One return, A to B to A: flagged at its own (lower) severity until the back and forth reaches the ping-pong threshold.</summary>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record BounceSettings(bool Enabled, Severity Severity, bool Escalates) : IRuleSettings
{
    public static BounceSettings Default { get; } = new(Enabled: true, Severity.Medium, Escalates: false);
}

/// <summary>A party that keeps getting the complaint back and routing it on.</summary>
/// <param name="Returns">How many times the complaint must come back to the same party, which routed it to at least two others, to call that party a hub that keeps re-routing.</param>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record HubSettings(bool Enabled, Severity Severity, bool Escalates, int Returns) : IRuleSettings
{
    public static HubSettings Default { get; } = new(Enabled: true, Severity.High, Escalates: true, Returns: 2);
}

/// <summary>A complaint returns to a party it left, through at least two other parties.</summary>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record CycleSettings(bool Enabled, Severity Severity, bool Escalates) : IRuleSettings;

/// <summary>Handoffs in quick succession, each party passing the complaint on soon after receiving it.</summary>
/// <param name="Handoffs">How many passes in a row make a flag...</param>
/// <param name="WindowHours">...when each party passed the complaint on within this many hours of receiving it.</param>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record ChurnSettings(bool Enabled, Severity Severity, bool Escalates, int Handoffs, int WindowHours) : IRuleSettings;

/// <summary>A party tells the customer to ask someone else instead of handing the complaint over.</summary>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record CustomerDeflectionSettings(bool Enabled, Severity Severity, bool Escalates) : IRuleSettings;

/// <summary>A handoff that claims the trouble is someone else's without evidence.</summary>
/// <param name="Reasons">Handoff reasons that claim it is someone else's problem, and so need evidence.</param>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record EvidenceFreeHandoffSettings(bool Enabled, Severity Severity, bool Escalates, IReadOnlyList<HandoffReason> Reasons) : IRuleSettings;

/// <summary>A complaint reopened again and again.</summary>
/// <param name="Reopens">How many reopenings make a flag.</param>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record ReopenLoopSettings(bool Enabled, Severity Severity, bool Escalates, int Reopens) : IRuleSettings;

/// <summary>How long a holder of one kind has, on a complaint of one severity, to acknowledge it and to resolve it.</summary>
/// <param name="ComplaintSeverity">The complaint severity the row applies to.</param>
/// <param name="PartyKind">The kind of holder the row applies to: Store or Vendor.</param>
/// <param name="FirstResponseHours">Hours the holder has to acknowledge the complaint, counted on the holder's clock from the start of its hold (paused while waiting on the customer or a third party).</param>
/// <param name="ResolutionHours">Hours the holder has to resolve the complaint, counted the same way; at least the first-response hours.</param>
public sealed record DeadlineRow(Severity ComplaintSeverity, Parties.PartyKind PartyKind, double FirstResponseHours, double ResolutionHours);

/// <summary>A holder that lets its deadlines pass; the deadlines per severity and kind of party.</summary>
/// <param name="Deadlines">The deadlines, one row per complaint severity and kind of holder.</param>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
public sealed record StalledHolderSettings(bool Enabled, Severity Severity, bool Escalates, IReadOnlyList<DeadlineRow> Deadlines) : IRuleSettings;

/// <summary>When complaints about one product and category count as one recurring problem.</summary>
/// <param name="Complaints">How many complaints, not yet linked to a problem, open one...</param>
/// <param name="WindowDays">...when they were filed within this many days.</param>
/// <param name="Enabled">Whether complaints are grouped into recurring problems at all.</param>
public sealed record RecurringProblemSettings(bool Enabled, int Complaints, int WindowDays)
{
    public static RecurringProblemSettings Default { get; } = new(Enabled: true, Complaints: 3, WindowDays: 7);
}

/// <summary>
/// What happens when the holder lets its acknowledgement (first response) deadline pass: with <paramref name="Enabled"/>,
/// the complaint moves to the store, or to <paramref name="FallbackParty"/> when one is named, as a marketplace steps in
/// after its own deadline. Off by default: the stalled-holder flag alone is what ships.
/// </summary>
/// <param name="Enabled">Whether a passed acknowledgement deadline moves the complaint.</param>
/// <param name="FallbackParty">The id of the party that takes the complaint over; null for the store, which also takes over when that party can no longer hold complaints.</param>
public sealed record StepInSettings(bool Enabled, string? FallbackParty = null)
{
    public static StepInSettings Default { get; } = new(Enabled: false);

    /// <summary>Who takes the complaint over: the fallback party while it can hold complaints, else the store.</summary>
    public string Target(Parties.PartyDirectory parties) => FallbackParty is { } fallback && parties.CanHold(fallback) ? fallback : Parties.Party.StoreId;
}

/// <summary>
/// The customer asked the store to step in: flagged at this severity (escalating if set), and with
/// <paramref name="StoreTakesOver"/> the store becomes the holder.
/// </summary>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
/// <param name="StoreTakesOver">Whether the store becomes the holder when the customer asks it to step in.</param>
public sealed record StepInRequestSettings(bool Enabled, Severity Severity, bool Escalates, bool StoreTakesOver) : IRuleSettings
{
    public static StepInRequestSettings Default { get; } = new(Enabled: true, Severity.Medium, Escalates: true, StoreTakesOver: true);
}

/// <summary>A party let the due time of a request for evidence pass unanswered.</summary>
/// <param name="Enabled">Whether the rule judges complaints; when false it raises no flag.</param>
/// <param name="Escalates">Whether its flag makes the store accountable for the complaint (escalates it), when nothing escalated it before.</param>
/// <param name="MissedDecidesLiability">
/// Whether a missed due time (flagged, so with the rule enabled) also decides liability against the party that missed it:
/// the store resolves on its behalf by default judgment, with the remedy the default judgment settings name. False in
/// policies saved before it existed.
/// </param>
public sealed record EvidenceMissedSettings(bool Enabled, Severity Severity, bool Escalates, bool MissedDecidesLiability) : IRuleSettings
{
    public static EvidenceMissedSettings Default { get; } = new(Enabled: true, Severity.Medium, Escalates: false, MissedDecidesLiability: false);
}

/// <summary>
/// Default judgment: with <paramref name="Enabled"/>, a party that lets its resolution deadline pass while it holds a complaint
/// escalated before that deadline is found liable by default; the store resolves on its behalf with a remedy of
/// <paramref name="RemedyKind"/> for the complaint's claim (else the policy's default claim), charged wholly to that party.
/// Off by default. The remedy kind also serves the evidence-missed judgment (evidenceMissed.missedDecidesLiability).
/// </summary>
/// <param name="Enabled">Whether a missed resolution deadline on an escalated complaint resolves it against its holder.</param>
/// <param name="RemedyKind">What the store gives the customer: Refund by default; None finds the party liable and charges nothing.</param>
public sealed record DefaultJudgmentSettings(bool Enabled, Liability.RemedyKind RemedyKind)
{
    public static DefaultJudgmentSettings Default { get; } = new(Enabled: false, Liability.RemedyKind.Refund);
}

/// <summary>Figures at or over which a vendor's standing is judged (docs/standing.md).</summary>
/// <param name="BounceRate">Share of the vendor's handoffs that came back to it, 0 to 1.</param>
/// <param name="FoundLiable">Resolutions naming the vendor liable.</param>
/// <param name="DeadlinesMissed">Stalled-holder flags against the vendor.</param>
public sealed record StandingThresholds(double BounceRate, int FoundLiable, int DeadlinesMissed);

/// <summary>
/// Vendor standing: over a rolling window of <paramref name="WindowDays"/>, the vendor's figures against the thresholds.
/// Off by default: a change of standing tells the vendor and may end a relationship, so a marketplace opts in with thresholds it chose.
/// </summary>
/// <param name="Enabled">Whether standing is evaluated and recorded; off by default.</param>
/// <param name="WindowDays">The rolling window's length in days (1 to 365; 60 by default).</param>
/// <param name="MinimumHandoffs">Handoffs below which the bounce rate is not judged (too few to say).</param>
/// <param name="Warning">Figures at or over which the vendor is warned.</param>
/// <param name="Probation">Figures at or over which the vendor is put on probation; each at least its warning threshold.</param>
public sealed record StandingSettings(bool Enabled, int WindowDays, int MinimumHandoffs, StandingThresholds Warning, StandingThresholds Probation)
{
    public static StandingSettings Default { get; } = new(Enabled: false, WindowDays: 60, MinimumHandoffs: 5,
        Warning: new(BounceRate: 0.25, FoundLiable: 3, DeadlinesMissed: 3), Probation: new(BounceRate: 0.5, FoundLiable: 6, DeadlinesMissed: 6));
}

/// <summary>A tenant's thresholds and actions for every rule. Versioned: each flag names the version that raised it.</summary>
/// <param name="Version">The policy's version number, 1 for the default; each saved policy gets the next one.</param>
public sealed record Policy(
    int Version,
    PingPongSettings PingPong,
    CycleSettings Cycle,
    ChurnSettings Churn,
    CustomerDeflectionSettings CustomerDeflection,
    EvidenceFreeHandoffSettings EvidenceFreeHandoff,
    ReopenLoopSettings ReopenLoop,
    StalledHolderSettings StalledHolder)
{
    public const int MaxCount = 20;

    /// <summary>Absent from policies saved before it existed: those get the default.</summary>
    public RecurringProblemSettings RecurringProblems { get; init; } = RecurringProblemSettings.Default;

    /// <summary>Absent from policies saved before it existed: those get the default.</summary>
    public BounceSettings Bounce { get; init; } = BounceSettings.Default;

    /// <summary>Absent from policies saved before it existed: those get the default.</summary>
    public HubSettings Hub { get; init; } = HubSettings.Default;

    /// <summary>Absent from policies saved before it existed: those get the default (off).</summary>
    public StepInSettings StepIn { get; init; } = StepInSettings.Default;

    /// <summary>Absent from policies saved before it existed: those get the default.</summary>
    public StepInRequestSettings StepInRequest { get; init; } = StepInRequestSettings.Default;

    /// <summary>What is at stake on a complaint filed without a claim; absent (null) for none.</summary>
    public Liability.Money? DefaultClaim { get; init; }
    /// <summary>Absent from policies saved before it existed: those get the default.</summary>
    public EvidenceMissedSettings EvidenceMissed { get; init; } = EvidenceMissedSettings.Default;

    /// <summary>How many days a charged party has to appeal a charge, counted from the charge's time; absent from older policies: 30.</summary>
    public int AppealWindowDays { get; init; } = DefaultAppealWindowDays;

    public const int DefaultAppealWindowDays = 30;

    /// <summary>Absent from policies saved before it existed: those get the default (off).</summary>
    public DefaultJudgmentSettings DefaultJudgment { get; init; } = DefaultJudgmentSettings.Default;
    /// <summary>The statements' months (time zone) and when each closes; absent from older policies: UTC, 3 days.</summary>
    public Liability.StatementSettings Statements { get; init; } = Liability.StatementSettings.Default;

    /// <summary>What ships with the product: every rule on, every flag makes the marketplace accountable.</summary>
    public static Policy Default { get; } = new(
        Version: 1,
        PingPong: new(Enabled: true, Severity.High, Escalates: true, Handoffs: 3),
        Cycle: new(Enabled: true, Severity.High, Escalates: true),
        Churn: new(Enabled: true, Severity.Medium, Escalates: true, Handoffs: 4, WindowHours: 48),
        CustomerDeflection: new(Enabled: true, Severity.High, Escalates: true),
        EvidenceFreeHandoff: new(Enabled: true, Severity.Low, Escalates: false, Reasons: [HandoffReason.NotOurComponent, HandoffReason.WrongParty]),
        ReopenLoop: new(Enabled: true, Severity.High, Escalates: true, Reopens: 2),
        StalledHolder: new(Enabled: true, Severity.Medium, Escalates: true, Deadlines:
        [
            new(Severity.Critical, Parties.PartyKind.Store, 1, 8), new(Severity.Critical, Parties.PartyKind.Vendor, 4, 24),
            new(Severity.High, Parties.PartyKind.Store, 4, 24), new(Severity.High, Parties.PartyKind.Vendor, 8, 48),
            new(Severity.Medium, Parties.PartyKind.Store, 8, 72), new(Severity.Medium, Parties.PartyKind.Vendor, 24, 120),
            new(Severity.Low, Parties.PartyKind.Store, 24, 168), new(Severity.Low, Parties.PartyKind.Vendor, 72, 336),
        ]));

    /// <summary>The deadlines a holder of this kind has on a complaint of this severity; none while the rule is off.</summary>
    public DeadlineRow? DeadlinesFor(Severity complaintSeverity, Parties.PartyKind? holderKind) => StalledHolder.Enabled
        ? StalledHolder.Deadlines.FirstOrDefault(d => d.ComplaintSeverity == complaintSeverity && d.PartyKind == holderKind)
        : null;

    /// <summary>What is wrong with this policy, by field; empty when it can be used.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        void Check(bool ok, string field, string message)
        {
            if (!ok) problems[field] = message;
        }
        Check(PingPong.Handoffs is >= 2 and <= MaxCount, "pingPong.handoffs", $"Must be between 2 and {MaxCount}.");
        Check(Bounce is not null, "bounce", "Give the bounce settings, or leave them out for the default.");
        Check(Hub is not null, "hub", "Give the hub settings, or leave them out for the default.");
        Check(Hub is null || Hub.Returns is >= 2 and <= MaxCount, "hub.returns", $"Must be between 2 and {MaxCount}.");
        Check(StepIn is not null, "stepIn", "Give the step-in settings, or leave them out for the default.");
        Check(StepIn?.FallbackParty is null || (StepIn.FallbackParty.Length is > 0 and <= 100 && StepIn.FallbackParty != Parties.Party.CustomerId),
            "stepIn.fallbackParty", "Name a party that holds complaints (at most 100 characters), or leave it out for the store.");
        Check(StepInRequest is not null, "stepInRequest", "Give the step-in request settings, or leave them out for the default.");
        Check(DefaultClaim?.Problem() is null, "defaultClaim", DefaultClaim?.Problem() ?? "");
        Check(AppealWindowDays is >= 1 and <= 365, "appealWindowDays", "Must be between 1 and 365.");
        Check(EvidenceMissed is not null, "evidenceMissed", "Give the evidence-missed settings, or leave them out for the default.");
        Check(Churn.Handoffs is >= 2 and <= MaxCount, "churn.handoffs", $"Must be between 2 and {MaxCount}.");
        Check(Churn.WindowHours is >= 1 and <= 24 * 90, "churn.windowHours", "Must be between 1 and 2160 (90 days).");
        Check(ReopenLoop.Reopens is >= 1 and <= MaxCount, "reopenLoop.reopens", $"Must be between 1 and {MaxCount}.");
        Check(!EvidenceFreeHandoff.Enabled || EvidenceFreeHandoff.Reasons is { Count: > 0 }, "evidenceFreeHandoff.reasons", "Name at least one reason, or disable the rule.");
        Check(RecurringProblems is not null, "recurringProblems", "Give the recurring problem settings, or leave them out for the default.");
        Check(RecurringProblems is null || RecurringProblems.Complaints is >= 2 and <= 1000, "recurringProblems.complaints", "Must be between 2 and 1000.");
        Check(RecurringProblems is null || RecurringProblems.WindowDays is >= 1 and <= 365, "recurringProblems.windowDays", "Must be between 1 and 365.");
        var rows = StalledHolder.Deadlines?.Where(r => r is not null).ToList() ?? [];
        Check(StalledHolder.Deadlines?.Contains(null!) != true, "stalledHolder.deadlines", "Rows may not be null.");
        var holders = new[] { Parties.PartyKind.Store, Parties.PartyKind.Vendor };
        Check(Enum.GetValues<Severity>().All(severity => holders.All(kind => rows.Count(r => r.ComplaintSeverity == severity && r.PartyKind == kind) == 1))
            && rows.Count == 8, "stalledHolder.deadlines", "Give exactly one row for each complaint severity and each holder kind (store, vendor).");
        Check(rows.All(r => r.FirstResponseHours > 0 && r.ResolutionHours >= r.FirstResponseHours && r.ResolutionHours <= Times.DueTime.MaxHours),
            "stalledHolder.deadlines", $"Deadlines must be positive, at most {Times.DueTime.MaxHours:0} hours (a year), and resolution no sooner than first response.");
        Check(DefaultJudgment is not null, "defaultJudgment", "Give the default judgment settings, or leave them out for the default (off).");
        Check(DefaultJudgment is null || Enum.IsDefined(DefaultJudgment.RemedyKind), "defaultJudgment.remedyKind",
            $"Name a kind of remedy: {string.Join(", ", Enum.GetNames<Liability.RemedyKind>())}.");
        Check(Standing is not null, "standing", "Give the standing settings, or leave them out for the default.");
        if (Standing is { } standing)
        {
            Check(standing.WindowDays is >= 1 and <= 365, "standing.windowDays", "Must be between 1 and 365.");
            Check(standing.MinimumHandoffs is >= 1 and <= 1000, "standing.minimumHandoffs", "Must be between 1 and 1000.");
            Check(standing.Warning is not null, "standing.warning", "Give the warning thresholds.");
            Check(standing.Probation is not null, "standing.probation", "Give the probation thresholds.");
            foreach (var (name, t) in new[] { ("warning", standing.Warning), ("probation", standing.Probation) }.Where(x => x.Item2 is not null))
            {
                Check(t!.BounceRate is > 0 and <= 1, $"standing.{name}.bounceRate", "Must be above 0 and at most 1.");
                Check(t.FoundLiable is >= 1 and <= 1000, $"standing.{name}.foundLiable", "Must be between 1 and 1000.");
                Check(t.DeadlinesMissed is >= 1 and <= 1000, $"standing.{name}.deadlinesMissed", "Must be between 1 and 1000.");
            }
            if (standing is { Warning: { } w, Probation: { } p })
                Check(p.BounceRate >= w.BounceRate && p.FoundLiable >= w.FoundLiable && p.DeadlinesMissed >= w.DeadlinesMissed,
                    "standing.probation", "Each probation threshold must be at least its warning threshold.");
        }
        Check(Statements is not null, "statements", "Give the statement settings, or leave them out for the default.");
        Check(Statements is null || Statements.KnowsTimeZone(), "statements.timeZone", "Name an IANA time zone, such as UTC or Europe/Paris.");
        Check(Statements is null || Statements.CloseAfterDays is >= 0 and <= Liability.StatementSettings.MaxCloseAfterDays,
            "statements.closeAfterDays", $"Must be between 0 and {Liability.StatementSettings.MaxCloseAfterDays}.");
        return problems;
    }

    /// <summary>Vendor standing's window and thresholds; absent from older policies: the default (off).</summary>
    public StandingSettings Standing { get; init; } = StandingSettings.Default;
}
