using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Webhooks.List;

public sealed class Endpoint(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<WebhookEndpointView>>
{
    public override void Configure()
    {
        Get("webhooks");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("List webhook endpoints",
            "Webhook endpoints: a vendor's own, or every party's for the operator. Never their secrets.").Apply);
        Description(d => d.ProducesProblems(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        IQueryable<WebhookEndpoint> query = session.Query<WebhookEndpoint>();
        if (!actor.IsOperator)
            query = query.Where(e => e.PartyId == actor.PartyId);
        await Send.OkAsync([.. (await query.OrderBy(e => e.CreatedAt).ToListAsync(ct)).Select(WebhookEndpointView.Of)], ct);
    }
}
