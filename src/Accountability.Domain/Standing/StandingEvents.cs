namespace Accountability.Domain.Standing;

/// <summary>An event of a vendor's standing stream: what the evaluation found, and what the operator decided.</summary>
public interface IStandingEvent
{
    string VendorId { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// The vendor's figures over the policy's window crossed a threshold (or fell back under one): its standing moved from
/// <paramref name="From"/> to <paramref name="To"/>.
/// </summary>
/// <param name="Figures">The figures the evaluation found, over the window ending at <paramref name="At"/>.</param>
/// <param name="Crossed">Each threshold crossed, in words ("foundLiable 5 ≥ 5 (probation)"); empty when back in good standing.</param>
public sealed record VendorStandingChanged(string VendorId, StandingLevel From, StandingLevel To, StandingFigures Figures, IReadOnlyList<string> Crossed, DateTimeOffset At)
    : IStandingEvent;

/// <summary>The operator decided what follows a warning or probation, saying why; <paramref name="To"/> is the standing it leaves.</summary>
public sealed record VendorStandingDecided(string VendorId, StandingDecisionKind Decision, string Reason, string By, StandingLevel To, DateTimeOffset At)
    : IStandingEvent;
