using Accountability.Api.Features.Parties;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.Assign;

/// <param name="To">The party (store or vendor) that holds the complaint from now on.</param>
public sealed record Request(string To)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.To).PartyId();
    }
}
