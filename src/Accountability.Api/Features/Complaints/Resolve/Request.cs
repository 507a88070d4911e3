using Accountability.Api.Features.Parties;
using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Liability;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.Resolve;

/// <param name="LiableParty">The party whose fault it was, for the record and the scorecards; it bears the remedy's cost unless <paramref name="Bearers"/> splits it.</param>
/// <param name="RootCause">What caused the trouble.</param>
/// <param name="Remedy">What was done to put it right, as a note; the customer sees it.</param>
/// <param name="RemedyKind">The kind of remedy (refund, replacement, repair, credit, none); give it to record the remedy with money.</param>
/// <param name="Amount">What the remedy cost: an amount (a JSON number, never negative, in the currency's minor units) and an ISO 4217 currency code; each bearer is charged its part. Needs remedyKind.</param>
/// <param name="Bearers">Who bears the cost, in basis points adding up to 10,000 (7,000 and 3,000 for 70/30), each a registered party once; left out, the liable party bears it all. Needs an amount.</param>
public sealed record Request(
    RootCause? RootCause,
    string LiableParty,
    string Remedy,
    RemedyKind? RemedyKind = null,
    MoneyInput? Amount = null,
    IReadOnlyList<Share>? Bearers = null)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.RootCause).NotNull().IsInEnum();
            RuleFor(r => r.LiableParty).PartyId();
            RuleFor(r => r.Remedy).NotEmpty().MaximumLength(2000);
            RuleFor(r => r.RemedyKind).IsInEnum()
                .NotNull().When(r => r.Amount is not null).WithMessage("Name the remedyKind of a remedy with an amount.");
            RuleFor(r => r.Amount).ValidMoney();
            RuleFor(r => r.Amount).NotNull().When(r => r.Bearers is not null).WithMessage("Bearers split an amount: give the amount.");
            RuleFor(r => r.Bearers).Must(b => b is null || b.Count <= 20).WithMessage("At most 20 bearers.")
                .Must(b => b is null || b.Any(s => s is null) || Split.Problem(b) is null).WithMessage((_, b) => Split.Problem(b!)!);
            RuleForEach(r => r.Bearers).NotNull().ChildRules(share => share.RuleFor(s => s.Party).PartyId());
        }
    }

    public ResolveComplaint Command() =>
        new(RootCause!.Value, LiableParty, Remedy, RemedyKind is { } kind ? new RemedyTerms(kind, Amount?.ToMoney(), Bearers) : null);
}
