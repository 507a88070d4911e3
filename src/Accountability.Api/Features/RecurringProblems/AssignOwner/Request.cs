using Accountability.Api.Features.Parties;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.RecurringProblems.AssignOwner;

/// <param name="Owner">The store or a vendor: the party that answers for fixing the problem.</param>
public sealed record Request(string Owner)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Owner).PartyId();
    }
}
