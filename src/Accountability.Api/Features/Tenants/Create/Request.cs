using Accountability.Api.Commands;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Parties;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Tenants.Create;

/// <param name="Id">The marketplace's id: lowercase letters, digits and dashes.</param>
/// <param name="StoreName">How the store appears to customers and vendors; defaults to the name.</param>
/// <param name="Name">The marketplace's name, as its operators see it.</param>
public sealed record Request(string Id, string Name, string? StoreName)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).PartyId();
            RuleFor(r => r.Name).DisplayName();
            RuleFor(r => r.StoreName).DisplayName().When(r => r.StoreName is not null);
        }
    }
}

/// <param name="Id">The marketplace's id, as sent.</param>
/// <param name="Name">The marketplace's name.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="OperatorKey">The tenant's first operator key; its secret is shown in this response only.</param>
public sealed record Response(string Id, string Name, DateTimeOffset CreatedAt, CreatedApiKey OperatorKey) : IShowsSecretOnce
{
    public object WithoutSecret() => this with { OperatorKey = OperatorKey with { Key = null } };
}
