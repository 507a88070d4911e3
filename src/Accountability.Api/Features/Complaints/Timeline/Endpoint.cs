using Accountability.Api.Auth;
using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Complaints.Timeline;

/// <param name="Sequence">The event's position in the whole store.</param>
/// <param name="Type">The event's name, such as complaint_handed_off.</param>
/// <param name="ApiKeyId">The key the actor used (never the key itself).</param>
/// <param name="Id">The event's id.</param>
/// <param name="Version">The complaint's version this event made.</param>
/// <param name="At">When it happened.</param>
/// <param name="By">Who did it (a party id), when the event records one.</param>
/// <param name="CorrelationId">The request's correlation id, as the answer's X-Correlation-Id said.</param>
/// <param name="Data">The event's own fields.</param>
public sealed record TimelineEntry(
    Guid Id,
    long Version,
    long Sequence,
    string Type,
    DateTimeOffset At,
    string? By,
    string? ApiKeyId,
    string? CorrelationId,
    object Data);

/// <param name="ComplaintId">The complaint's id.</param>
/// <param name="Events">Every event of the complaint, in order; for a vendor, without other parties' charges and evidence requests.</param>
public sealed record Response(Guid ComplaintId, IReadOnlyList<TimelineEntry> Events);

public sealed class Endpoint(IQuerySession session) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("complaints/{id:guid}/timeline");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read a complaint's timeline",
            "Every event of one complaint in order, with who did it, with which key, when, and the correlation id.").Apply);
        Description(d => d.ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var actor = User.Actor();
        var (events, complaint) = await session.ReadStreamAsync(id, actor, ct);
        await Send.OkAsync(new Response(id, [.. events.Where(e => complaint.IsReadableBy(e.Data, actor)).Select(ToEntry)]), ct);
    }

    private static TimelineEntry ToEntry(JasperFx.Events.IEvent e) => new(
        e.Id,
        e.Version,
        e.Sequence,
        e.EventTypeName,
        (e.Data as IComplaintEvent)?.At ?? e.Timestamp,
        (e.Data as IComplaintEvent)?.By,
        e.Headers?.GetValueOrDefault("api_key_id")?.ToString(),
        e.CorrelationId,
        e.Data);
}
