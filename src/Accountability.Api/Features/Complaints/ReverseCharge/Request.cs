using Accountability.Api.Features.Parties;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.ReverseCharge;

/// <summary>A party charged in place of a reversed charge.</summary>
/// <param name="Party">The registered party to charge.</param>
/// <param name="Amount">How much: an amount and an ISO 4217 currency code.</param>
public sealed record Replacement(string Party, MoneyInput? Amount)
{
    /// <summary>Only after <see cref="ReplacementRules.ValidReplacement{T}"/> has passed.</summary>
    public ChargeReplacement ToCommand() => new(Party, Amount!.ToMoney());
}

/// <summary>A replacement charge's fields, each defect named with its field: for a reversal and for an overturned appeal.</summary>
public static class ReplacementRules
{
    public static void ValidReplacement<T>(this IRuleBuilderInitial<T, Replacement?> rule) => rule.ChildRules(replacement =>
    {
        replacement.RuleFor(x => x!.Party).PartyId();
        replacement.RuleFor(x => x!.Amount).NotNull();
        replacement.RuleFor(x => x!.Amount).ValidMoney();
    });
}

/// <param name="Reason">Why the charge is reversed; kept in the record.</param>
/// <param name="Replacement">A charge to make in its place, if any.</param>
public sealed record Request(string Reason, Replacement? Replacement = null)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(r => r.Replacement).ValidReplacement();
        }
    }

    public Domain.Decisions.ReverseCharge Command(Guid chargeId) =>
        new(chargeId, Reason, Replacement?.ToCommand());
}
