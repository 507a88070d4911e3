using Accountability.Domain.Complaints;

namespace Accountability.Domain.Liability;

/// <summary>When a month's statements close: <paramref name="CloseAfterDays"/> days after the month's end, in <paramref name="TimeZone"/>.</summary>
/// <param name="TimeZone">The marketplace's IANA time zone (Europe/Paris), whose months the statements follow; UTC by default.</param>
/// <param name="CloseAfterDays">Days after a month's end (0 to 60) before its statements close and become final; 3 by default.</param>
public sealed record StatementSettings(string TimeZone, int CloseAfterDays)
{
    public static StatementSettings Default { get; } = new("UTC", 3);

    public const int MaxCloseAfterDays = 60;

    /// <summary>The time zone; only for settings whose <see cref="TimeZone"/> is known (<see cref="KnowsTimeZone"/>).</summary>
    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Whether the name is an IANA time zone id this machine knows (Windows ids are refused).</summary>
    public bool KnowsTimeZone() =>
        TimeZone is { Length: > 0 and <= 64 } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
        && (zone.HasIanaId || name == "UTC") && !name.Contains(' ');
}

/// <summary>A statement's period: one calendar month of the marketplace's time zone, written 2026-01.</summary>
public readonly record struct StatementPeriod(int Year, int Month) : IComparable<StatementPeriod>
{
    public static StatementPeriod Of(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return new StatementPeriod(local.Year, local.Month);
    }

    public static bool TryParse(string? text, out StatementPeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-' || !int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, null, out var year)
            || !int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, null, out var month) || year < 1970 || month is < 1 or > 12)
            return false;
        period = new StatementPeriod(year, month);
        return true;
    }

    public StatementPeriod Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    /// <summary>Months since year 0: a number that orders periods, used as a delivery's version.</summary>
    public int Number => Year * 12 + Month - 1;

    /// <summary>The first instant of the month in the zone.</summary>
    public DateTimeOffset Start(TimeZoneInfo zone) => Midnight(new DateTime(Year, Month, 1), zone);

    /// <summary>The first instant after the month in the zone.</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => Next.Start(zone);

    /// <summary>When the month's statements close: <paramref name="days"/> days after its end, at midnight in the zone.</summary>
    public DateTimeOffset ClosesAt(TimeZoneInfo zone, int days) => Midnight(new DateTime(Next.Year, Next.Month, 1).AddDays(days), zone);

    public int CompareTo(StatementPeriod other) => Number.CompareTo(other.Number);

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>Local midnight as an instant; a midnight skipped by a clock change falls on the first instant after the gap.</summary>
    private static DateTimeOffset Midnight(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>What an entry on a statement records.</summary>
public enum StatementEntryKind
{
    Charge,
    Reversal,
    AppealOpened,
    AppealDecided,
}

/// <summary>
/// One line of a party's statement, from one event of a complaint: a charge (its amount), a reversal (the charge's amount
/// taken off, negative), an appeal opened or decided (no amount: an overturn's money moves by the reversal it appends).
/// </summary>
/// <param name="Version">The complaint's version the event made: with the complaint, the entry's identity.</param>
/// <param name="Amount">Signed, in the charge's currency: positive for a charge, negative for a reversal, zero for an appeal.</param>
/// <param name="ChargedAt">When the charge it concerns was made: the month it belongs to while that month is open.</param>
/// <param name="Outcome">For a decided appeal, upheld or overturned.</param>
public sealed record StatementEntry(Guid ComplaintId, long Version, string Party, StatementEntryKind Kind, Guid ChargeId, Money Amount,
    DateTimeOffset At, DateTimeOffset ChargedAt, AppealOutcome? Outcome = null)
{
    /// <summary>
    /// The entry an event makes on its party's statement; null for an event that is no statement's business.
    /// <paramref name="charge"/> finds a charge of the complaint by its id (as the complaint stood after the event).
    /// </summary>
    public static StatementEntry? Of(Guid complaintId, long version, IComplaintEvent e, Func<Guid, Charge?> charge)
    {
        switch (e)
        {
            case ChargeCreated c:
                return new(complaintId, version, c.Party, StatementEntryKind.Charge, c.ChargeId, c.Amount.Normalized(), c.At, c.At);
            case ChargeReversed r when charge(r.ChargeId) is { } reversed:
                return new(complaintId, version, reversed.Party, StatementEntryKind.Reversal, r.ChargeId,
                    Money.FromMinorUnits(-reversed.Amount.ToMinorUnits(), reversed.Amount.Currency), r.At, reversed.At);
            case ChargeAppealed a when charge(a.ChargeId) is { } appealed:
                return new(complaintId, version, appealed.Party, StatementEntryKind.AppealOpened, a.ChargeId, Money.FromMinorUnits(0, appealed.Amount.Currency),
                    a.At, appealed.At);
            case AppealDecided d when charge(d.ChargeId) is { } decided:
                return new(complaintId, version, decided.Party, StatementEntryKind.AppealDecided, d.ChargeId, Money.FromMinorUnits(0, decided.Amount.Currency),
                    d.At, decided.At, d.Outcome);
            default:
                return null;
        }
    }

    /// <summary>
    /// The periods this entry may land in, in order: the first not closed when it is recorded is its own. The charge's month
    /// comes first, so a correction within the grace days after a month's end still corrects that month; once the month is
    /// closed it lands in the month it was recorded in (or the next open one), as a card network puts a late correction on
    /// the next statement.
    /// </summary>
    public IReadOnlyList<StatementPeriod> Candidates(TimeZoneInfo zone)
    {
        var home = StatementPeriod.Of(ChargedAt, zone);
        var recorded = StatementPeriod.Of(At, zone);
        var candidates = new List<StatementPeriod> { home };
        for (var (p, i) = (recorded, 0); i < 24; p = p.Next, i++)
        {
            if (p.CompareTo(home) > 0)
                candidates.Add(p);
        }
        return candidates;
    }
}
