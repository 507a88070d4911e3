using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using JasperFx.Events;
using Marten.Services.BatchQuerying;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Complaints.Writing;

/// <summary>
/// The one write to complaint streams: the tenant's context and the streams read in one batch, the expected version
/// checked, the command decided and judged (each event folded once), the events appended, and every registered
/// <see cref="IComplaintWriteReaction"/> run in the same session. The caller saves. Its batched mode (<see cref="Batch"/>)
/// takes histories judged elsewhere (the import) and runs the same reactions.
/// </summary>
public sealed class ComplaintStreamWriter(
    WriteContextCache contexts, TimeProvider clock, IOptions<ComplaintOptions> options, IEnumerable<IComplaintWriteReaction> reactions)
{
    private readonly IComplaintWriteReaction[] reactions = [.. reactions];

    /// <summary>Writes one command: null when the complaint does not exist or the actor may not see it; a refusal throws as its problem.</summary>
    public async Task<WrittenComplaint?> WriteAsync(IDocumentSession session, ComplaintWrite write, CancellationToken ct)
    {
        var outcome = (await WriteEachAsync(session, [write], ct))[0];
        return outcome.Refusal is { } refusal ? throw new ProblemException(ProblemKind.For(refusal.Code), refusal.Detail) : outcome.Written;
    }

    /// <summary>Writes each command to its own complaint, all read in one round trip; a refused one changes nothing and says why.</summary>
    public async Task<IReadOnlyList<ComplaintWriteOutcome>> WriteEachAsync(IDocumentSession session, IReadOnlyList<ComplaintWrite> writes, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var contextQuery = contexts.Queue(session, batch);
        var streams = writes.Select(w => w.Command is FileComplaint ? null : Fetch(batch, w.ComplaintId)).ToList();
        await batch.Execute(ct);
        var context = await contextQuery();
        var now = clock.GetUtcNow();
        var outcomes = new List<ComplaintWriteOutcome>(writes.Count);
        for (var i = 0; i < writes.Count; i++)
            outcomes.Add(Write(session, writes[i], streams[i] is { } stream ? await stream : null, context, now));
        return outcomes;
    }

    /// <summary>
    /// The batched mode, for many complaints' judged histories in one session (the import): see <see cref="ComplaintWriteBatch"/>.
    /// </summary>
    public ComplaintWriteBatch Batch(IDocumentSession session, WriteContext context, DateTimeOffset now) => new(session, context, now, reactions);

    private Task<IEventStream<Complaint>>? Fetch(IBatchedQuery batch, Guid id)
    {
        // Marten refuses the empty id as a stream id; to the caller it is just a complaint that does not exist.
        if (id == Guid.Empty)
            return null;
        foreach (var reaction in reactions)
            reaction.Prepare(batch, id);
        return StreamWrite.Fetch<Complaint>(batch, id);
    }

    private ComplaintWriteOutcome Write(IDocumentSession session, ComplaintWrite write, IEventStream<Complaint>? stream, WriteContext context, DateTimeOffset now)
    {
        var before = stream?.Aggregate;
        var filing = write.Command is FileComplaint;
        if (!filing && (before is null || !write.Actor.CanSee(before)))
            return new ComplaintWriteOutcome(write.ComplaintId, null, null);
        StreamWrite.Expect(stream, write.ExpectedVersion, "complaint");

        var decisionContext = new DecisionContext(write.Actor, context.Parties, context.Policy, now, TimeSpan.FromDays(options.Value.ReopenWindowDays));
        var judged = ComplaintDecider.DecideAndJudge(before, write.Command, decisionContext);
        if (judged.Refusal is { } refusal)
            return new ComplaintWriteOutcome(write.ComplaintId, null, refusal);
        StreamWrite.Append(session, write.ComplaintId, stream, [.. judged.Steps.Select(s => s.Event)]);

        var written = new WrittenComplaint(before, judged.Steps, context, now);
        foreach (var reaction in reactions)
            reaction.React(session, written);
        return new ComplaintWriteOutcome(write.ComplaintId, written, null);
    }
}
