using System.Security.Cryptography;
using System.Text.Json;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Domain.Complaints;
using Accountability.Domain.RecurringProblems;
using Accountability.Domain.Rules;
using Accountability.Domain.Webhooks;
using JasperFx.Events;
using Marten;

namespace Accountability.Api.Features.Webhooks;

/// <summary>Turns appended complaint and problem events into deliveries for the endpoints that want them, in the same session.</summary>
public static class WebhookOutbox
{
    /// <summary>The payload's version: 2 added fields to version 1 and changed none (docs/webhooks.md).</summary>
    public const int PayloadVersion = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Queues what each appended event notifies (<see cref="ComplaintNotices"/>), each with the complaint as that event left it.</summary>
    public static void Enqueue(IDocumentSession session, WrittenComplaint written)
    {
        var targets = written.Context.Part<WebhookTargets>();
        if (targets.Endpoints.Count == 0)
            return;
        var enqueued = false;
        var before = written.Before;
        for (var i = 0; i < written.Steps.Count; i++)
        {
            var (e, after) = (written.Steps[i].Event, written.Steps[i].After);
            var notices = ComplaintNotices.Of(before, e, after);
            before = after;
            if (notices.Count == 0)
                continue;
            var reason = ComplaintNotices.Reason(e, written.Steps.Take(i).Select(s => s.Event));
            var next = ComplaintNotices.NextStepDue(after, written.Context.Policy, written.Context.Parties) is { } d ? NextStep.Of(d) : null;
            foreach (var notice in notices)
                enqueued |= Deliver(session, targets, after, WebhookEventTypes.Of(notice.Kind), notice.Recipient, e.GetType(), e, reason, next, written.Now);
        }
        if (enqueued)
            DeliveryTable.NotifyOnCommit(session);
    }

    /// <summary>Tells the holder a deadline is near; nothing is appended to the complaint for it.</summary>
    public static void EnqueueDeadlineWarning(IDocumentSession session, Complaint complaint, DeadlineKind kind, DateTimeOffset dueAt,
        WebhookTargets targets, DateTimeOffset now)
    {
        if (Deliver(session, targets, complaint, WebhookEventTypes.DeadlineApproaching, complaint.Holder, typeof(DeadlineApproaching),
                new DeadlineApproaching(kind, dueAt), reason: null, new NextStep(kind, complaint.Holder, dueAt), now))
            DeliveryTable.NotifyOnCommit(session);
    }

    /// <summary>
    /// Tells a party its statement of a closed month is ready (<c>statement.ready</c>). Its ordering key is the party's
    /// statements (a name-based id standing in the complaint id) and the month's number its version.
    /// </summary>
    public static void EnqueueStatementReady(IDocumentSession session, WebhookTargets targets, string party, int period, object data, string link,
        DateTimeOffset now)
    {
        var subject = new Guid(MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"statements:{party}")));
        var enqueued = false;
        foreach (var endpoint in Wanting(targets, party, WebhookEventTypes.StatementReady))
        {
            var id = NewId();
            var payload = new StatementPayload(id, WebhookEventTypes.StatementReady, PayloadVersion, now, session.TenantId, party, data, targets.PublicAddress + link);
            Insert(session, endpoint, id, subject, period, WebhookEventTypes.StatementReady, JsonSerializer.Serialize(payload, Json), now);
            enqueued = true;
        }
        if (enqueued)
            DeliveryTable.NotifyOnCommit(session);
    }

    /// <summary>
    /// Queues what a problem's appended events notify (<see cref="ProblemNotices"/>). Their ordering key is the problem:
    /// its id stands in the delivery's complaint id and its stream version in the complaint version.
    /// </summary>
    public static void EnqueueProblem(IDocumentSession session, RecurringProblem? before, IReadOnlyList<IProblemEvent> events, WebhookTargets targets,
        DateTimeOffset now)
    {
        if (targets.Endpoints.Count == 0)
            return;
        var enqueued = false;
        foreach (var e in events)
        {
            var after = RecurringProblem.Evolve(before, e)!;
            foreach (var notice in ProblemNotices.Of(before, e, after))
            {
                var type = WebhookEventTypes.Of(notice.Kind);
                foreach (var endpoint in Wanting(targets, notice.Recipient, type))
                {
                    var id = NewId();
                    var payload = new ProblemPayload(id, type, PayloadVersion, now, session.TenantId, after.Id, after.Version, e.GetType().Name,
                        EventTypeExtensions.GetEventTypeName(e.GetType()), ProblemNotices.Reason(e), e, ProblemSummary.Of(after),
                        new ProblemLinks($"{targets.PublicAddress}/api/problems/{after.Id}"));
                    Insert(session, endpoint, id, after.Id, after.Version, type, JsonSerializer.Serialize(payload, Json), now);
                    enqueued = true;
                }
            }
            before = after;
        }
        if (enqueued)
            DeliveryTable.NotifyOnCommit(session);
    }

    /// <summary>Tells the vendor, and the store, that the vendor's standing changed or was decided; ordered by the standing stream.</summary>
    public static void EnqueueStanding(IDocumentSession session, Guid stream, long version, Domain.Standing.IStandingEvent e, WebhookTargets targets, DateTimeOffset now)
    {
        var enqueued = false;
        foreach (var recipient in new[] { e.VendorId, Domain.Parties.Party.StoreId })
            foreach (var endpoint in Wanting(targets, recipient, WebhookEventTypes.StandingChanged))
            {
                var id = NewId();
                var payload = new StandingPayload(id, WebhookEventTypes.StandingChanged, PayloadVersion, now, session.TenantId, e.VendorId, version,
                    e.GetType().Name, e, $"{targets.PublicAddress}/api/parties/{e.VendorId}/standing");
                Insert(session, endpoint, id, stream, version, WebhookEventTypes.StandingChanged, JsonSerializer.Serialize(payload, Json), now);
                enqueued = true;
            }
        if (enqueued)
            DeliveryTable.NotifyOnCommit(session);
    }

    /// <summary>Queues a delivery for each of the recipient's endpoints that wants the event; says whether there was one.</summary>
    private static bool Deliver(IDocumentSession session, WebhookTargets targets, Complaint state, string type, string recipient, Type eventType,
        object data, string? reason, NextStep? next, DateTimeOffset now)
    {
        var any = false;
        foreach (var endpoint in Wanting(targets, recipient, type))
        {
            any = true;
            var id = NewId();
            var link = $"/api/complaints/{state.Id}";
            var payload = new WebhookPayload(id, type, now, session.TenantId, state.Id, state.Version, eventType.Name, data,
                new ComplaintSummary(state.Holder, state.AccountableParty(), state.Status) { NextStepDue = next }, link)
            {
                EventName = EventTypeExtensions.GetEventTypeName(eventType),
                Reason = reason,
                Links = new ComplaintLinks(targets.PublicAddress + link, $"{targets.PublicAddress}{link}/timeline"),
            };
            Insert(session, endpoint, id, state.Id, state.Version, type, JsonSerializer.Serialize(payload, Json), now);
        }
        return any;
    }

    private static IEnumerable<WebhookEndpoint> Wanting(WebhookTargets targets, string recipient, string type) =>
        targets.Endpoints.Where(x => x.Enabled && x.PartyId == recipient && x.Wants(type));

    private static string NewId() => $"msg_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";

    private static void Insert(IDocumentSession session, WebhookEndpoint endpoint, string id, Guid subject, long version, string type, string payload,
        DateTimeOffset now) =>
        DeliveryTable.Insert(session, new WebhookDelivery(id, session.TenantId, endpoint.Id, endpoint.PartyId, subject, version, type, payload,
            DeliveryStatus.Pending, 0, now, now));
}
