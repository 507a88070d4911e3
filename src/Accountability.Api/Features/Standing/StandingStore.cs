using System.Security.Cryptography;
using System.Text;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.TrackingLinks;
using Accountability.Api.Features.Policies;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Standing;
using Marten;

namespace Accountability.Api.Features.Standing;

/// <summary>
/// A vendor's standing stream: read it, evaluate it against the figures the scorecard projection keeps, and append what
/// the rule or the operator decided, with the webhook, in the caller's session (the command pipeline's transaction, or
/// the periodic evaluator's). Appends carry the version read: when two evaluate at once one save wins, the other's is
/// refused and records nothing, so a change is recorded once.
/// </summary>
public sealed class StandingStore(ScorecardQueries scorecards, IServiceProvider services, TimeProvider clock)
{
    /// <summary>The stream's id: a name-based UUID (RFC 9562 version 8, SHA-256) of the vendor's id, the same on every node.</summary>
    public static Guid StreamId(string vendorId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"standing:{vendorId}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public async Task<(VendorStanding Standing, IReadOnlyList<IStandingEvent> Events, Policy Policy)> ReadAsync(IQuerySession session, string vendorId, CancellationToken ct)
    {
        if (await session.LoadAsync<Party>(vendorId, ct) is not { Kind: PartyKind.Vendor })
            throw ProblemException.Naming(ProblemKind.NotFound, "id", $"'{vendorId}' is not a registered vendor of this marketplace.");
        var events = (await session.Events.FetchStreamAsync(StreamId(vendorId), token: ct)).Select(e => (IStandingEvent)e.Data).ToList();
        var policy = PolicyDocument.Current(await session.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, ct));
        return (VendorStanding.Replay(vendorId, events), events, policy);
    }

    /// <summary>The standing events, so a node that never appended one still reads them.</summary>
    public static void Register(StoreOptions options)
    {
        options.Events.AddEventType<VendorStandingChanged>();
        options.Events.AddEventType<VendorStandingDecided>();
    }

    /// <summary>What the figures call for now, over the window (from the last reinstatement, if later).</summary>
    public async Task<StandingAssessment> AssessAsync(string tenantId, VendorStanding standing, StandingSettings settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = StandingRule.WindowStart(standing, settings, now);
        return StandingRule.Assess(await scorecards.PartyFactsAsync(tenantId, standing.VendorId, from, now, ct), settings, from, now);
    }

    /// <summary>Evaluates one vendor in the caller's session: appends a change of standing when the figures call for one and the policy has standing on. The caller saves.</summary>
    public async Task<IReadOnlyList<StandingEntry>> EvaluateAsync(IDocumentSession session, string vendorId, CancellationToken ct)
    {
        var (standing, _, policy) = await ReadAsync(session, vendorId, ct);
        if (!policy.Standing.Enabled)
            return [];
        var outcome = StandingRule.Evaluate(standing, await AssessAsync(session.TenantId, standing, policy.Standing, ct), clock.GetUtcNow());
        return await AppendAsync(session, standing, outcome, ct);
    }

    /// <summary>Appends the operator's decision in the caller's session, or refuses it as its problem. The caller saves.</summary>
    public async Task<IReadOnlyList<StandingEntry>> DecideAsync(IDocumentSession session, string vendorId, StandingDecisionKind decision, string reason, Actor actor,
        CancellationToken ct)
    {
        var (standing, _, _) = await ReadAsync(session, vendorId, ct);
        return await AppendAsync(session, standing, StandingRule.Decide(standing, decision, reason, actor, clock.GetUtcNow()), ct);
    }

    private async Task<IReadOnlyList<StandingEntry>> AppendAsync(IDocumentSession session, VendorStanding standing, StandingOutcome outcome, CancellationToken ct)
    {
        if (outcome.Refusal is { } refusal)
            throw new ProblemException(ProblemKind.For(refusal.Code), refusal.Detail);
        if (outcome.Events.Count == 0)
            return [];
        var stream = StreamId(standing.VendorId);
        StreamWrite.Append(session, stream, standing.Version, [.. outcome.Events.Cast<object>()]);
        var targets = new WebhookTargets(await session.Query<WebhookEndpoint>().Where(e => e.Enabled).ToListAsync(ct), StatusPageAddress.Of(services).TrimEnd('/'));
        var version = standing.Version;
        foreach (var e in outcome.Events)
            WebhookOutbox.EnqueueStanding(session, stream, ++version, e, targets, clock.GetUtcNow());
        return [.. outcome.Events.Select((e, i) => StandingEntry.Of(e, standing.Version + i + 1))];
    }
}
