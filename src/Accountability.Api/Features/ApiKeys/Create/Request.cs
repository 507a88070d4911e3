using Accountability.Api.Features.Parties;
using Accountability.Domain.Parties;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.ApiKeys.Create;

/// <param name="PartyId">Whose key it is: "store" makes an operator key, a vendor's id a vendor key.</param>
/// <param name="Name">What the key is for, to tell keys apart when listing or revoking them.</param>
public sealed record Request(string PartyId, string Name)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.PartyId).PartyId()
                .Must(id => id == Party.StoreId || !PartyRules.IsReserved(id!)).WithMessage((_, id) => PartyRules.ReservedMessage(id!));
            RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        }
    }
}
