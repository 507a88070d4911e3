using Accountability.Api.Auth;
using Accountability.Api.Http;
using Accountability.Domain.Standing;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Standing.Get;

/// <summary>Whose standing, and when.</summary>
public sealed class Request
{
    /// <summary>The vendor's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Optional: an ISO 8601 moment to replay the standing at; left out, now.</summary>
    [QueryParam] public DateTimeOffset? AsOf { get; init; }
}

/// <summary>A vendor's standing now or at a past moment; a vendor key reads its own only.</summary>
public sealed class Endpoint(IDocumentStore store, StandingStore standings, TimeProvider clock) : Endpoint<Request, StandingView>
{
    public override void Configure()
    {
        Get("parties/{id}/standing");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read a vendor's standing",
            "The vendor's standing (good, warning, probation, ended) as recorded at asOf (now by default), the standing events up to then, and, for now, the figures over the policy's window against its thresholds. A vendor reads its own only.").Apply);
        Description(d => d.Produces<StandingView>(200).ProducesProblems(400, 401, 403, 404));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        if (!User.IsOperator() && r.Id != User.PartyId())
            throw new ProblemException(ProblemKind.Forbidden, "A vendor key reads its own standing only.");
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession(User.TenantId());
        var (_, events, policy) = await standings.ReadAsync(session, r.Id, ct);
        var asOf = r.AsOf ?? now;
        var shown = events.Select((e, i) => (e, Version: i + 1L)).Where(x => x.e.At <= asOf).ToList();
        var standing = VendorStanding.Replay(r.Id, events, asOf);
        var current = r.AsOf is null || r.AsOf >= now ? await standings.AssessAsync(User.TenantId(), standing, policy.Standing, ct) : null;
        await Send.OkAsync(new StandingView(r.Id, asOf, standing.Level, standing.Since, policy.Standing.Enabled, policy.Standing.WindowDays, current,
            [.. shown.Select(x => StandingEntry.Of(x.e, x.Version))]), ct);
    }
}
