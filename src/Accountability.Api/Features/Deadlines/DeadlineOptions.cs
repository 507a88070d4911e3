using Accountability.Api.Configuration;

namespace Accountability.Api.Features.Deadlines;

/// <summary>Settings of the deadline scheduler.</summary>
public sealed class DeadlineOptions : ISettings
{
    /// <summary>Whether this node judges holders' deadlines as they fall due (several nodes may; each deadline fires once).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>How often the scheduler looks for deadlines that fell due.</summary>
    public double DeadlinePollSeconds { get; set; } = 5;

    public IEnumerable<string> Problems() => SettingChecks.MoreThanZero((nameof(DeadlinePollSeconds), DeadlinePollSeconds));
}
