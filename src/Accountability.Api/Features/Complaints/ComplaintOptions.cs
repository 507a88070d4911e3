using Accountability.Api.Configuration;

namespace Accountability.Api.Features.Complaints;

/// <summary>Settings of a complaint's lifecycle.</summary>
public sealed class ComplaintOptions : ISettings
{
    /// <summary>How long after closing a customer may still have the complaint reopened.</summary>
    public int ReopenWindowDays { get; set; } = 30;

    public IEnumerable<string> Problems() => SettingChecks.AtLeast(0, (nameof(ReopenWindowDays), ReopenWindowDays));
}
