namespace Accountability.Domain.Liability;

/// <summary>How the operator decided an appeal: the charge stands (upheld), or it is reversed (overturned).</summary>
public enum AppealOutcome
{
    Upheld,
    Overturned,
}

/// <summary>Where an appeal stands: open until the operator decides it, then upheld or overturned.</summary>
public enum AppealState
{
    Open,
    Upheld,
    Overturned,
}

/// <summary>The operator's decision on an appeal.</summary>
/// <param name="Outcome">Upheld or overturned.</param>
/// <param name="Reason">Why, in the operator's words.</param>
/// <param name="By">Who decided (the operator).</param>
/// <param name="At">When.</param>
public sealed record AppealDecision(AppealOutcome Outcome, string Reason, string By, DateTimeOffset At);

/// <summary>A charged party's appeal of its charge: one per charge, open until decided.</summary>
/// <param name="Statement">Why the party holds the charge wrong.</param>
/// <param name="Evidence">References to its evidence.</param>
/// <param name="At">When it appealed.</param>
public sealed record ChargeAppeal(string Statement, IReadOnlyList<string> Evidence, DateTimeOffset At)
{
    /// <summary>The operator's decision; null while the appeal is open.</summary>
    public AppealDecision? Decision { get; init; }

    public AppealState State => Decision?.Outcome switch
    {
        AppealOutcome.Upheld => AppealState.Upheld,
        AppealOutcome.Overturned => AppealState.Overturned,
        _ => AppealState.Open,
    };
}
