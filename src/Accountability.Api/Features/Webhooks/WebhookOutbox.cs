using System.Security.Cryptography;
using System.Text.Json;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Webhooks;

/// <summary>Turns appended complaint events into deliveries for the endpoints that want them, in the same session.</summary>
public static class WebhookOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Who is told about an event, and as what: the party receiving the complaint, or its holder after the event.</summary>
    public static (string Type, string Recipient)? Notice(IComplaintEvent e, Complaint after) => e switch
    {
        ComplaintAssigned a => (WebhookEventTypes.Assigned, a.To),
        ComplaintHandedOff h => (WebhookEventTypes.Assigned, h.To),
        FlagRaised => (WebhookEventTypes.Flagged, after.Holder),
        ComplaintEscalated => (WebhookEventTypes.Escalated, after.Holder),
        ComplaintReopened => (WebhookEventTypes.Reopened, after.Holder),
        ComplaintClosed or ComplaintCancelled => (WebhookEventTypes.Closed, after.Holder),
        InformationProvided or ResolutionConfirmed or ResolutionRejected => (WebhookEventTypes.CustomerResponded, after.Holder),
        _ => null,
    };

    /// <summary>Queues what the appended events notify, each with the complaint as that event left it.</summary>
    public static void Enqueue(IDocumentSession session, IReadOnlyList<ComplaintStep> steps, IReadOnlyList<WebhookEndpoint> endpoints, DateTimeOffset now)
    {
        if (endpoints.Count == 0)
            return;
        var enqueued = false;
        foreach (var (e, state) in steps)
        {
            if (Notice(e, state) is not var (type, recipient))
                continue;
            enqueued |= Deliver(session, state, type, recipient, e.GetType().Name, e, endpoints, now);
        }
        if (enqueued)
            DeliveryTable.NotifyOnCommit(session);
    }

    /// <summary>Tells the holder a deadline is near; nothing is appended to the complaint for it.</summary>
    public static void EnqueueDeadlineWarning(IDocumentSession session, Complaint complaint, DeadlineKind kind, DateTimeOffset dueAt,
        IReadOnlyList<WebhookEndpoint> endpoints, DateTimeOffset now)
    {
        if (Deliver(session, complaint, WebhookEventTypes.DeadlineApproaching, complaint.Holder, "DeadlineApproaching",
                new DeadlineApproaching(kind, dueAt), endpoints, now))
            DeliveryTable.NotifyOnCommit(session);
    }

    /// <summary>Queues a delivery for each of the recipient's endpoints that wants the event; says whether there was one.</summary>
    private static bool Deliver(IDocumentSession session, Complaint state, string type, string recipient, string eventName, object data,
        IReadOnlyList<WebhookEndpoint> endpoints, DateTimeOffset now)
    {
        var any = false;
        foreach (var endpoint in endpoints.Where(x => x.Enabled && x.PartyId == recipient && x.Wants(type)))
        {
            any = true;
            var id = $"msg_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
            var payload = JsonSerializer.Serialize(new WebhookPayload(id, type, now, session.TenantId, state.Id, state.Version, eventName, data,
                new ComplaintSummary(state.Holder, state.AccountableParty(), state.Status), $"/api/complaints/{state.Id}"), Json);
            DeliveryTable.Insert(session, new WebhookDelivery(id, session.TenantId, endpoint.Id, endpoint.PartyId, state.Id, state.Version, type, payload,
                DeliveryStatus.Pending, 0, now, now));
        }
        return any;
    }
}

/// <summary>What a deadline warning says: which deadline, and when it falls.</summary>
public sealed record DeadlineApproaching(DeadlineKind Deadline, DateTimeOffset DueAt);

/// <summary>The complaint as it stands after the event.</summary>
public sealed record ComplaintSummary(string Holder, string Accountable, ComplaintStatus Status);

/// <summary>
/// What a webhook's body says: the event type, which complaint (and at which version of its stream), what
/// happened (the event itself, under its name), where the complaint stands now, and a link to it in the API.
/// </summary>
public sealed record WebhookPayload(
    string Id,
    string Type,
    DateTimeOffset Timestamp,
    string Tenant,
    Guid ComplaintId,
    long ComplaintVersion,
    string Event,
    object Data,
    ComplaintSummary Complaint,
    string Link);
