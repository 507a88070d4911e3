using Accountability.Api.Commands;
using Accountability.Domain.Complaints;
using Marten;

namespace Accountability.Api.Features.Complaints.Writing;

/// <summary>
/// The complaint writer's batched mode: many complaints' histories, judged by the caller (<c>Replay</c>: each event with the
/// complaint as it leaves it), written in one session. Each complaint's reactions run as it is added, as a replayed write
/// (<see cref="WrittenComplaint.Replayed"/>); a continued stream is appended at once, new streams are copied together by
/// <see cref="WriteAsync"/>, with the documents their inline projections would write. The caller saves, which commits.
/// </summary>
public sealed class ComplaintWriteBatch
{
    private readonly IDocumentSession session;
    private readonly WriteContext context;
    private readonly DateTimeOffset now;
    private readonly IReadOnlyList<IComplaintWriteReaction> reactions;
    private readonly List<CopiedComplaint> started = [];

    internal ComplaintWriteBatch(IDocumentSession session, WriteContext context, DateTimeOffset now, IReadOnlyList<IComplaintWriteReaction> reactions) =>
        (this.session, this.context, this.now, this.reactions) = (session, context, now, reactions);

    /// <summary>A new complaint: its stream is copied on <see cref="WriteAsync"/>.</summary>
    public IReadOnlyList<IComplaintEvent> Start(IReadOnlyList<ComplaintStep> steps)
    {
        var written = React(null, steps);
        var events = Events(steps);
        started.Add(new CopiedComplaint(written.After.Id, events, written.After));
        return events;
    }

    /// <summary>More history for a complaint read at <paramref name="readVersion"/>: appended there, so a concurrent write fails the save.</summary>
    public IReadOnlyList<IComplaintEvent> Continue(Complaint before, long readVersion, IReadOnlyList<ComplaintStep> steps)
    {
        var events = Events(steps);
        StreamWrite.Append(session, before.Id, readVersion, events);
        React(before, steps);
        return events;
    }

    /// <summary>Copies the new streams, then the documents their inline projections would write (the complaint here, the others by the reactions).</summary>
    public async Task WriteAsync(CancellationToken ct)
    {
        if (started.Count == 0)
            return;
        await StreamWrite.CopyAsync<Complaint>(session, [.. started.Select(c => (c.Id, (IReadOnlyList<object>)c.Events))], now, ct);
        foreach (var reaction in reactions)
            await reaction.WriteCopiedAsync(session, started, ct);
        foreach (var copied in started)
            session.Store(copied.After);
    }

    private WrittenComplaint React(Complaint? before, IReadOnlyList<ComplaintStep> steps)
    {
        var written = new WrittenComplaint(before, steps, context, now) { Replayed = true };
        foreach (var reaction in reactions)
            reaction.React(session, written);
        return written;
    }

    private static IComplaintEvent[] Events(IReadOnlyList<ComplaintStep> steps)
    {
        var events = new IComplaintEvent[steps.Count];
        for (var i = 0; i < events.Length; i++)
            events[i] = steps[i].Event;
        return events;
    }
}
