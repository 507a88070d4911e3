using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Api.Features.Complaints;

/// <summary>A request for evidence on the complaint, and where it stands.</summary>
/// <param name="Id">The request's id: answer it at /api/complaints/{id}/evidence-requests/{requestId}/answer.</param>
/// <param name="Party">The party asked; only it may answer.</param>
/// <param name="Reason">Why the evidence is wanted.</param>
/// <param name="Needed">What is needed.</param>
/// <param name="DueBy">When the evidence is due (UTC); no answer is accepted after it.</param>
/// <param name="RequestedAt">When the operator asked.</param>
/// <param name="State">Open until answered, missed (the due time passed unanswered), or dropped (the complaint ended first).</param>
public sealed record EvidenceRequestView(Guid Id, PartyRef Party, string Reason, string Needed, DateTimeOffset DueBy, DateTimeOffset RequestedAt,
    EvidenceRequestState State)
{
    public static IReadOnlyList<EvidenceRequestView> Of(Complaint complaint, PartyDirectory parties) =>
        [.. complaint.EvidenceRequests.Select(r => new EvidenceRequestView(r.Id, PartyRef.Of(r.Party, parties), r.Reason, r.Needed, r.Due, r.RequestedAt, r.State))];
}
