using Accountability.Domain.Liability;

namespace Accountability.Domain.Complaints;

/// <summary>
/// A party is charged an amount: its share of a resolution's remedy, or a correction. Never edited: a mistaken charge is
/// reversed (<see cref="ChargeReversed"/>) and, if need be, replaced by a new one.
/// </summary>
/// <param name="ChargeId">The charge's id, which a reversal (and later an appeal) names.</param>
/// <param name="Party">The registered party charged.</param>
/// <param name="Amount">How much, in the remedy's currency.</param>
/// <param name="Cause">Why: a resolution's remedy, or a correction.</param>
/// <param name="By">Who recorded it: the party that resolved, or the operator for a correction.</param>
/// <param name="Replaces">For a correction, the reversed charge it replaces.</param>
public sealed record ChargeCreated(Guid ChargeId, string Party, Money Amount, ChargeCause Cause, string By, DateTimeOffset At, Guid? Replaces = null)
    : IComplaintEvent;

/// <summary>The operator took a charge back, saying why; the charge stays in the record, marked reversed.</summary>
/// <param name="ChargeId">The charge reversed.</param>
/// <param name="Reason">Why, in the operator's words.</param>
public sealed record ChargeReversed(Guid ChargeId, string Reason, string By, DateTimeOffset At) : IComplaintEvent;

/// <summary>The charged party appealed its charge, within the policy's window, saying why and pointing to its evidence.</summary>
/// <param name="ChargeId">The charge appealed.</param>
/// <param name="By">The party that appealed: the one charged.</param>
/// <param name="Statement">Why the party holds the charge wrong, in its words.</param>
/// <param name="Evidence">References to its evidence (log ids, file names, record numbers); may be empty.</param>
public sealed record ChargeAppealed(Guid ChargeId, string By, string Statement, IReadOnlyList<string> Evidence, DateTimeOffset At) : IComplaintEvent;

/// <summary>
/// The operator decided an appeal. An overturned charge is reversed in the same write (a <see cref="ChargeReversed"/>
/// follows, and a replacing <see cref="ChargeCreated"/> when another party is charged instead); an upheld one stands.
/// </summary>
/// <param name="ChargeId">The charge whose appeal was decided.</param>
/// <param name="Outcome">Upheld (the charge stands) or overturned (it is reversed).</param>
/// <param name="Reason">Why, in the operator's words.</param>
/// <param name="By">Who decided (the operator).</param>
public sealed record AppealDecided(Guid ChargeId, Liability.AppealOutcome Outcome, string Reason, string By, DateTimeOffset At) : IComplaintEvent;
