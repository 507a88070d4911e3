using Accountability.Api.Telemetry;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Services;

namespace Accountability.Api.Features.SetAside;

/// <summary>
/// Counts every event set aside, once its record is committed, whichever path recorded it (the daemon for a projection,
/// a subscription itself, or a retry that failed again).
/// </summary>
public sealed class SetAsideCounter : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var letter in commit.Inserted.Concat(commit.Updated).OfType<DeadLetterEvent>())
            ProductMetrics.EventsSetAside.Add(1, new KeyValuePair<string, object?>("processor", letter.ProjectionName));
        return Task.CompletedTask;
    }
}
