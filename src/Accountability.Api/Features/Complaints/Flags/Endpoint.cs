using Accountability.Api.Auth;
using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Complaints.Flags;

/// <summary>One event a flag points to: its place in the complaint's stream and in the whole store.</summary>
/// <param name="Version">The event's version in the complaint's stream.</param>
/// <param name="Sequence">The event's position in the whole event store.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="Type">The event's type, as in the timeline.</param>
/// <param name="At">When the event happened.</param>
public sealed record EvidenceEvent(long Version, long Sequence, Guid EventId, string Type, DateTimeOffset At);

/// <param name="Charged">The parties the flag is charged to; null on flags raised before flags named them.</param>
/// <param name="SupersededBy">The version of a later flag of the same story that replaces this one, if any.</param>
/// <param name="WithdrawnBy">The version of the event that withdrew this flag when the history was re-judged, if any: it no longer counts.</param>
/// <param name="Rule">The rule's id, such as bounce or ping-pong.</param>
/// <param name="Severity">How serious the flag is, as the policy sets it.</param>
/// <param name="Sentence">What happened, in a plain sentence naming the parties.</param>
/// <param name="At">When the flag was raised.</param>
/// <param name="Version">The complaint's version that raised it.</param>
/// <param name="Evidence">The events that prove it.</param>
public sealed record FlagDetail(string Rule, Severity Severity, string Sentence, DateTimeOffset At, long Version, IReadOnlyList<EvidenceEvent> Evidence,
    IReadOnlyList<string>? Charged = null, long? SupersededBy = null, long? WithdrawnBy = null);

/// <param name="ComplaintId">The complaint's id.</param>
/// <param name="Escalation">Why and when the rules made the store accountable; absent when they have not.</param>
/// <param name="Flags">Every flag raised on the complaint.</param>
public sealed record Response(Guid ComplaintId, Escalation? Escalation, IReadOnlyList<FlagDetail> Flags);

public sealed class Endpoint(IQuerySession session) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("complaints/{id:guid}/flags");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read a complaint's flags",
            "The flags raised on one complaint, each with its sentence and the events that prove it.").Apply);
        Description(d => d.ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var (events, state) = await session.ReadStreamAsync(id, User.Actor(), ct);
        var byVersion = events.ToDictionary(e => e.Version);
        var raised = events.Where(e => e.Data is FlagRaised).Select(e => (Raised: (FlagRaised)e.Data, e.Version)).ToList();
        var supersededBy = raised.SelectMany(f => (f.Raised.Supersedes ?? []).Select(old => (Old: old, By: f.Version))).ToDictionary(s => s.Old, s => s.By);
        var withdrawnBy = events.Where(e => e.Data is FlagWithdrawn).ToDictionary(e => ((FlagWithdrawn)e.Data).Flag, e => e.Version);
        var flags = raised.Select(f => new FlagDetail(
            f.Raised.Rule, f.Raised.Severity, f.Raised.Sentence, f.Raised.At, f.Version,
            [.. f.Raised.Evidence.Select(v => byVersion[v]).Select(e => new EvidenceEvent(e.Version, e.Sequence, e.Id, e.EventTypeName, (e.Data as IComplaintEvent)?.At ?? e.Timestamp))],
            f.Raised.Charged, supersededBy.TryGetValue(f.Version, out var by) ? by : null,
            withdrawnBy.TryGetValue(f.Version, out var withdrawn) ? withdrawn : null));
        await Send.OkAsync(new Response(id, state.Escalation, [.. flags]), ct);
    }
}
