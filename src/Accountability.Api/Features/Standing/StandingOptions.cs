using Accountability.Api.Configuration;

namespace Accountability.Api.Features.Standing;

/// <summary>Settings of the periodic standing evaluator.</summary>
public sealed class StandingOptions : ISettings
{
    /// <summary>Whether this node evaluates every vendor's standing periodically (several nodes may; a change is recorded once).</summary>
    public bool RunStandingEvaluator { get; set; } = true;

    /// <summary>How often every vendor of every marketplace with standing on is evaluated; the first pass waits one interval after start.</summary>
    public double StandingEvaluationMinutes { get; set; } = 60;

    public IEnumerable<string> Problems() => SettingChecks.MoreThanZero((nameof(StandingEvaluationMinutes), StandingEvaluationMinutes));
}
