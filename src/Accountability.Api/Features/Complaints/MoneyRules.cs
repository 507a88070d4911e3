using Accountability.Domain.Liability;
using FluentValidation;

namespace Accountability.Api.Features.Complaints;

/// <summary>The domain's money rules (<see cref="Money.Problem(decimal, string?)"/>) as validators for requests: each defect named with its field.</summary>
public static class MoneyRules
{
    /// <summary>An amount and an ISO 4217 code: not negative, a whole number of the currency's minor units.</summary>
    public static void ValidMoney<T>(this IRuleBuilderInitial<T, Money?> rule) => rule.ChildRules(money =>
    {
        money.RuleFor(m => m!.Currency).NotEmpty()
            .Must(code => Currencies.Find(code) is not null).WithMessage((_, code) => Money.Problem(0, code)!);
        money.RuleFor(m => m!.Amount)
            .Must((m, amount) => Currencies.Find(m!.Currency) is null || Money.Problem(amount, m.Currency) is null)
            .WithMessage((m, amount) => Money.Problem(amount, m!.Currency)!);
    });
}
