using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Writing;

/// <summary>One command on one complaint: who asks, at which version of the stream (null: any), and what.</summary>
public sealed record ComplaintWrite(Guid ComplaintId, Actor Actor, long? ExpectedVersion, IComplaintCommand Command);

/// <summary>
/// What a write appended, each event with the complaint as it leaves it (folded once, by the rules' judgement), and what
/// the write knew: reactions read these instead of folding again.
/// </summary>
public sealed record WrittenComplaint(Complaint? Before, IReadOnlyList<ComplaintStep> Steps, WriteContext Context, DateTimeOffset Now)
{
    public Complaint After => Steps.Count > 0 ? Steps[^1].After : Before!;
}

/// <summary>How one write of several went: written, refused, or neither because the complaint was not found.</summary>
public sealed record ComplaintWriteOutcome(Guid ComplaintId, WrittenComplaint? Written, Refusal? Refusal);
