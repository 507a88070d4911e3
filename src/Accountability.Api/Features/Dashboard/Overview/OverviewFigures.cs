using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Dashboard.Overview;

/// <summary>A flagged complaint as the overview lists it.</summary>
/// <param name="Held">For an open complaint, how long its holder has had it; for a finished one, the time all parties held it.</param>
public sealed record FlaggedComplaint(
    Guid Id, string Product, string CustomerReference, ComplaintStatus Status, string HolderName, TimeSpan Held, bool Open,
    IReadOnlyList<string> Rules, Severity HighestSeverity, DateTimeOffset LatestFlagAt, bool Escalated);

/// <summary>Complaints filed and flags raised in one period (a day, week or month, starting at <paramref name="Start"/>).</summary>
public sealed record Period(DateTimeOffset Start, int Complaints, int Flags);

public enum PeriodLength
{
    Day,
    Week,
    Month,
}

/// <param name="Bounced">Handoffs to the vendor that it handed straight back to whoever sent them.</param>
public sealed record VendorBounces(string Party, string Name, int Received, int Bounced)
{
    public double Rate => Received == 0 ? 0 : (double)Bounced / Received;
}

public sealed record PartyTimeHeld(string Party, string Name, TimeSpan Held);

/// <summary>Everything the overview shows of one tenant; the counts and charts as of <paramref name="FiguresAsOf"/>.</summary>
public sealed record OverviewFigures(
    string TenantName,
    int Complaints,
    int OpenComplaints,
    int FlaggedComplaints,
    int FlaggedOpen,
    IReadOnlyList<FlaggedComplaint> Flagged,
    PeriodLength PeriodLength,
    IReadOnlyList<Period> Periods,
    IReadOnlyList<PartyTimeHeld> TimeHeld,
    IReadOnlyList<VendorBounces> Bounces,
    DateTimeOffset FiguresAsOf);
