using System.Collections.Immutable;

namespace Accountability.Domain.Complaints;

/// <summary>Where an evidence request stands: open until answered, missed, or dropped when the complaint ends.</summary>
public enum EvidenceRequestState
{
    Open,
    Answered,
    Missed,
    /// <summary>The complaint was closed or cancelled while the request was open: nothing is owed any more.</summary>
    Dropped,
}

/// <summary>One request for evidence on a complaint; <paramref name="Version"/> is the stream version that asked it.</summary>
public sealed record EvidenceRequest(Guid Id, string Party, string Reason, string Needed, DateTimeOffset Due, DateTimeOffset RequestedAt,
    long Version, EvidenceRequestState State)
{
    public bool IsOpen => State == EvidenceRequestState.Open;
}

/// <summary>How the complaint's evidence requests change with each event.</summary>
public static class EvidenceRequests
{
    public static ImmutableList<EvidenceRequest> Evolve(ImmutableList<EvidenceRequest> requests, object @event, long version) => @event switch
    {
        EvidenceRequested e => requests.Add(new EvidenceRequest(e.RequestId, e.Party, e.Reason, e.Needed, e.Due, e.At, version, EvidenceRequestState.Open)),
        EvidenceSubmitted e => Set(requests, e.RequestId, EvidenceRequestState.Answered),
        EvidenceDeadlineMissed e => Set(requests, e.RequestId, EvidenceRequestState.Missed),
        ComplaintClosed or ComplaintCancelled when requests.Any(r => r.IsOpen) =>
            [.. requests.Select(r => r.IsOpen ? r with { State = EvidenceRequestState.Dropped } : r)],
        _ => requests,
    };

    private static ImmutableList<EvidenceRequest> Set(ImmutableList<EvidenceRequest> requests, Guid id, EvidenceRequestState state) =>
        [.. requests.Select(r => r.Id == id && r.IsOpen ? r with { State = state } : r)];
}
