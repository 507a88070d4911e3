using Accountability.Domain.Standing;

namespace Accountability.Api.Features.Standing;

/// <summary>A recorded standing event, as the API shows it.</summary>
/// <param name="Version">Its version in the vendor's standing stream.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">For a decision, who decided (the operator).</param>
/// <param name="Type">standing_changed or standing_decided.</param>
/// <param name="From">For a change, the standing before.</param>
/// <param name="To">The standing after.</param>
/// <param name="Decision">For a decision: reinstate, keepOnProbation or endRelationship.</param>
/// <param name="Reason">For a decision, the operator's reason.</param>
/// <param name="Crossed">For a change, each threshold crossed, in words.</param>
/// <param name="Figures">For a change, the figures the evaluation found.</param>
public sealed record StandingEntry(long Version, string Type, DateTimeOffset At, StandingLevel? From, StandingLevel To, StandingDecisionKind? Decision,
    string? Reason, string? By, IReadOnlyList<string>? Crossed, StandingFigures? Figures)
{
    public static StandingEntry Of(IStandingEvent e, long version) => e switch
    {
        VendorStandingChanged c => new(version, "standing_changed", c.At, c.From, c.To, null, null, null, c.Crossed, c.Figures),
        VendorStandingDecided d => new(version, "standing_decided", d.At, null, d.To, d.Decision, d.Reason, d.By, null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}

/// <summary>A vendor's standing: as recorded at <paramref name="AsOf"/>, its history up to then, and (for now) what the figures call for.</summary>
/// <param name="VendorId">The vendor.</param>
/// <param name="AsOf">The moment the standing is read at.</param>
/// <param name="WindowDays">The policy's window in days.</param>
/// <param name="Level">The standing recorded at asOf: good, warning, probation or ended.</param>
/// <param name="Since">When it took this standing; null when it never changed.</param>
/// <param name="Enabled">Whether the policy has vendor standing on (off, nothing is recorded).</param>
/// <param name="Current">What the figures over the window call for now; null when asOf is in the past.</param>
/// <param name="History">Every standing event up to asOf, oldest first.</param>
public sealed record StandingView(string VendorId, DateTimeOffset AsOf, StandingLevel Level, DateTimeOffset? Since, bool Enabled, int WindowDays,
    StandingAssessment? Current, IReadOnlyList<StandingEntry> History);
