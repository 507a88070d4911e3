namespace Accountability.Api.Features.Policies.Rejudge;

/// <param name="DryRun">Report the differences without writing them.</param>
public sealed record Request(bool? DryRun = null);

/// <summary>How many flags re-judging raised and withdrew under one rule.</summary>
/// <param name="Raised">Flags raised.</param>
/// <param name="Withdrawn">Flags withdrawn.</param>
public sealed record RuleChanges(int Raised, int Withdrawn);

/// <summary>One complaint whose flags changed: the rules of the flags raised and of those withdrawn.</summary>
/// <param name="ComplaintId">The complaint's id.</param>
/// <param name="Raised">The rule ids of the flags raised, one entry per flag.</param>
/// <param name="Withdrawn">The rule ids of the flags withdrawn, one entry per flag.</param>
public sealed record ComplaintChanges(Guid ComplaintId, IReadOnlyList<string> Raised, IReadOnlyList<string> Withdrawn);

/// <param name="PolicyVersion">The policy whose rules judged the history.</param>
/// <param name="DryRun">Whether the differences were only reported: then nothing was written.</param>
/// <param name="ComplaintsJudged">The complaints re-judged: all of the tenant's.</param>
/// <param name="ComplaintsChanged">The complaints whose flags changed (or would change, on a dry run).</param>
/// <param name="Conflicts">Complaints written to meanwhile, twice over, and so left as they were: run again to re-judge them.</param>
/// <param name="ByRule">Flags raised and withdrawn, per rule.</param>
/// <param name="Complaints">Each complaint whose flags changed (or would change), with how.</param>
public sealed record Response(
    int PolicyVersion,
    bool DryRun,
    int ComplaintsJudged,
    int ComplaintsChanged,
    IReadOnlyList<Guid> Conflicts,
    IReadOnlyDictionary<string, RuleChanges> ByRule,
    IReadOnlyList<ComplaintChanges> Complaints);
