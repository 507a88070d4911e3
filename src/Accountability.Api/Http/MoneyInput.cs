using Accountability.Domain.Liability;
using FluentValidation;

namespace Accountability.Api.Http;

/// <summary>An amount of money as a request gives it: a JSON number (never a string) and an ISO 4217 currency code.</summary>
/// <param name="Amount">How much, in the currency's major unit (19.99), not negative, a whole number of its minor units (cents for EUR, none for JPY).</param>
/// <param name="Currency">The ISO 4217 code, upper case (EUR, USD, JPY, BHD).</param>
public sealed record MoneyInput(decimal? Amount, string? Currency)
{
    /// <summary>Only after <see cref="MoneyRules.ValidMoney{T}"/> has passed.</summary>
    public Money ToMoney() => new(Amount!.Value, Currency!);
}

/// <summary>The domain's money rules (<see cref="Money.Problem(decimal, string?)"/>) as validators: each defect named with its field.</summary>
public static class MoneyRules
{
    public static void ValidMoney<T>(this IRuleBuilderInitial<T, MoneyInput?> rule) => rule.ChildRules(money =>
    {
        money.RuleFor(m => m!.Currency).NotEmpty()
            .Must(code => Currencies.Find(code) is not null).WithMessage((_, code) => Money.Problem(0, code)!);
        money.RuleFor(m => m!.Amount).NotNull()
            .Must((m, amount) => Currencies.Find(m!.Currency) is null || Money.Problem(amount!.Value, m.Currency) is null)
            .WithMessage((m, amount) => Money.Problem(amount!.Value, m!.Currency)!);
    });
}
