using System.Globalization;
using Accountability.Api.Features.Scorecards;

namespace Accountability.Api.Features.Statements;

/// <summary>
/// Statements as CSV (RFC 4180, written as the scorecards' are): one row per line of each month, then one row per currency
/// with the month's net (kind Net).
/// </summary>
public static class StatementCsv
{
    public const string MediaType = ScorecardCsv.MediaType;

    public const string ContentType = ScorecardCsv.ContentType;

    public static readonly IReadOnlyList<string> Header =
        ["party", "period", "state", "kind", "complaintId", "version", "chargeId", "outcome", "at", "chargedAt", "currency", "amount"];

    public static string Write(PartyStatements statements) => ScorecardCsv.Table(Header, statements.Months.SelectMany(month =>
        month.AllLines().Select(l => (IEnumerable<object?>)
        [
            month.Party, month.Period, month.State, l.Kind, l.ComplaintId, l.Version, l.ChargeId, l.Outcome, Time(l.At), Time(l.ChargedAt),
            l.Amount.Currency, l.Amount.Amount,
        ]).Concat(month.Net.Select(n => (IEnumerable<object?>)
        [
            month.Party, month.Period, month.State, "Net", null, null, null, null, null, null, n.Key, n.Value,
        ]))));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
