using Accountability.Domain.Liability;

namespace Accountability.Api.Features.Statements;

/// <summary>Whether a month's statement may still change (open) or is final (closed).</summary>
public enum StatementState
{
    Open,
    Closed,
}

/// <summary>One line of a statement.</summary>
/// <param name="ComplaintId">The complaint the event belongs to.</param>
/// <param name="Version">The complaint's version the event made.</param>
/// <param name="Kind">Charge, Reversal, AppealOpened or AppealDecided.</param>
/// <param name="ChargeId">The charge the line is about.</param>
/// <param name="Amount">Signed: a charge's amount, a reversal's negative; zero for an appeal.</param>
/// <param name="At">When the event was recorded.</param>
/// <param name="ChargedAt">When the charge was made (a correction in a later month names an earlier charge).</param>
/// <param name="Outcome">For a decided appeal: Upheld or Overturned.</param>
public sealed record StatementLine(Guid ComplaintId, long Version, StatementEntryKind Kind, Guid ChargeId, Money Amount, DateTimeOffset At,
    DateTimeOffset ChargedAt, AppealOutcome? Outcome);

/// <summary>A party's statement for one month of the marketplace's time zone.</summary>
/// <param name="Party">The party whose statement it is.</param>
/// <param name="Period">The month, as 2026-01.</param>
/// <param name="State">Open (it may still change) or Closed (final).</param>
/// <param name="StartsAt">The month's first instant in the time zone.</param>
/// <param name="EndsAt">The first instant after the month.</param>
/// <param name="ClosesAt">When it closes (or closed) by the policy now in force; for a closed one, see <paramref name="ClosedAt"/>.</param>
/// <param name="ClosedAt">When it was closed; null while open.</param>
/// <param name="Complaints">The complaints its lines belong to.</param>
/// <param name="Charges">The charges made to the party.</param>
/// <param name="Reversals">The charges taken back (negative amounts).</param>
/// <param name="AppealsOpened">The party's appeals made.</param>
/// <param name="AppealsDecided">The party's appeals decided (an overturn's reversal is among the reversals).</param>
/// <param name="Net">Per currency, the charges less the reversals.</param>
public sealed record PartyStatement(string Party, string Period, StatementState State, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset ClosesAt, DateTimeOffset? ClosedAt, IReadOnlyList<Guid> Complaints, IReadOnlyList<StatementLine> Charges,
    IReadOnlyList<StatementLine> Reversals, IReadOnlyList<StatementLine> AppealsOpened, IReadOnlyList<StatementLine> AppealsDecided,
    IReadOnlyDictionary<string, decimal> Net)
{
    /// <summary>The statement of these lines, in the order recorded.</summary>
    public static PartyStatement Of(string party, StatementPeriod period, StatementSettings settings, DateTimeOffset? closedAt, IReadOnlyList<StatementLine> lines)
    {
        var zone = settings.Zone();
        var ordered = lines.OrderBy(l => l.At).ThenBy(l => l.ComplaintId).ThenBy(l => l.Version).ToList();
        IReadOnlyList<StatementLine> Of(StatementEntryKind kind) => [.. ordered.Where(l => l.Kind == kind)];
        var net = ordered.GroupBy(l => l.Amount.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Money.FromMinorUnits(g.Sum(l => l.Amount.ToMinorUnits()), g.Key).Amount);
        return new PartyStatement(party, period.ToString(), closedAt is null ? StatementState.Open : StatementState.Closed, period.Start(zone),
            period.End(zone), period.ClosesAt(zone, settings.CloseAfterDays), closedAt, [.. ordered.Select(l => l.ComplaintId).Distinct()],
            Of(StatementEntryKind.Charge), Of(StatementEntryKind.Reversal), Of(StatementEntryKind.AppealOpened), Of(StatementEntryKind.AppealDecided), net);
    }

    public IEnumerable<StatementLine> AllLines() => Charges.Concat(Reversals).Concat(AppealsOpened).Concat(AppealsDecided)
        .OrderBy(l => l.At).ThenBy(l => l.ComplaintId).ThenBy(l => l.Version);
}

/// <summary>A party's statements, one per month asked, oldest first.</summary>
/// <param name="Party">The party whose statements they are.</param>
/// <param name="Months">One statement per month asked, oldest first.</param>
/// <param name="TimeZone">The marketplace's time zone, whose months these are.</param>
public sealed record PartyStatements(string Party, string TimeZone, IReadOnlyList<PartyStatement> Months);
