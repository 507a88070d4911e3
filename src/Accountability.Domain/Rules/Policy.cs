using Accountability.Domain.Complaints;

namespace Accountability.Domain.Rules;

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

/// <param name="Handoffs">How many handoffs back and forth between the same two parties make a flag (A to B to A is 2).</param>
public sealed record PingPongSettings(bool Enabled, Severity Severity, bool Escalates, int Handoffs) : IRuleSettings;

/// <summary>A complaint returns to a party it left, through at least two other parties.</summary>
public sealed record CycleSettings(bool Enabled, Severity Severity, bool Escalates) : IRuleSettings;

/// <param name="Handoffs">How many handoffs with no acknowledgement or progress between them make a flag...</param>
/// <param name="WindowHours">...when they happen within this many hours.</param>
public sealed record ChurnSettings(bool Enabled, Severity Severity, bool Escalates, int Handoffs, int WindowHours) : IRuleSettings;

public sealed record CustomerDeflectionSettings(bool Enabled, Severity Severity, bool Escalates) : IRuleSettings;

/// <param name="Reasons">Handoff reasons that claim it is someone else's problem, and so need evidence.</param>
public sealed record EvidenceFreeHandoffSettings(bool Enabled, Severity Severity, bool Escalates, IReadOnlyList<HandoffReason> Reasons) : IRuleSettings;

/// <param name="Reopens">How many reopenings make a flag.</param>
public sealed record ReopenLoopSettings(bool Enabled, Severity Severity, bool Escalates, int Reopens) : IRuleSettings;

/// <summary>A tenant's thresholds and actions for every rule. Versioned: each flag names the version that raised it.</summary>
public sealed record Policy(
    int Version,
    PingPongSettings PingPong,
    CycleSettings Cycle,
    ChurnSettings Churn,
    CustomerDeflectionSettings CustomerDeflection,
    EvidenceFreeHandoffSettings EvidenceFreeHandoff,
    ReopenLoopSettings ReopenLoop)
{
    public const int MaxCount = 20;

    /// <summary>What ships with the product: every rule on, every flag makes the marketplace accountable.</summary>
    public static Policy Default { get; } = new(
        Version: 1,
        PingPong: new(Enabled: true, Severity.High, Escalates: true, Handoffs: 3),
        Cycle: new(Enabled: true, Severity.High, Escalates: true),
        Churn: new(Enabled: true, Severity.Medium, Escalates: true, Handoffs: 4, WindowHours: 48),
        CustomerDeflection: new(Enabled: true, Severity.High, Escalates: true),
        EvidenceFreeHandoff: new(Enabled: true, Severity.Low, Escalates: false, Reasons: [HandoffReason.NotOurComponent, HandoffReason.WrongParty]),
        ReopenLoop: new(Enabled: true, Severity.High, Escalates: true, Reopens: 2));

    /// <summary>What is wrong with this policy, by field; empty when it can be used.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        void Check(bool ok, string field, string message)
        {
            if (!ok) problems[field] = message;
        }
        Check(PingPong.Handoffs is >= 2 and <= MaxCount, "pingPong.handoffs", $"Must be between 2 and {MaxCount}.");
        Check(Churn.Handoffs is >= 2 and <= MaxCount, "churn.handoffs", $"Must be between 2 and {MaxCount}.");
        Check(Churn.WindowHours is >= 1 and <= 24 * 90, "churn.windowHours", "Must be between 1 and 2160 (90 days).");
        Check(ReopenLoop.Reopens is >= 1 and <= MaxCount, "reopenLoop.reopens", $"Must be between 1 and {MaxCount}.");
        Check(!EvidenceFreeHandoff.Enabled || EvidenceFreeHandoff.Reasons is { Count: > 0 }, "evidenceFreeHandoff.reasons", "Name at least one reason, or disable the rule.");
        return problems;
    }
}
