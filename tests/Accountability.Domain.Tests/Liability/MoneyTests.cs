using Accountability.Domain.Liability;

namespace Accountability.Domain.Tests.Liability;

public sealed class MoneyTests
{
    [TestCase("JPY", "392", 0, "Yen")]
    [TestCase("BHD", "048", 3, "Bahraini Dinar")]
    [TestCase("EUR", "978", 2, "Euro")]
    [TestCase("USD", "840", 2, "US Dollar")]
    [TestCase("CLF", "990", 4, "Unidad de Fomento")]
    [TestCase("XOF", "952", 0, "CFA Franc BCEAO")]
    public void The_committed_ISO_4217_list_knows_these_currencies(string code, string numeric, int minorUnits, string name) =>
        Assert.That(Currencies.Find(code), Is.EqualTo(new Currency(code, numeric, minorUnits, name)));

    [TestCase("eur")]
    [TestCase("XAU")]
    [TestCase("HRK")]
    [TestCase("ABC")]
    [TestCase(null)]
    public void Lower_case_metals_withdrawn_and_made_up_codes_are_not_currencies(string? code) => Assert.That(Currencies.Find(code), Is.Null);

    [Test]
    public void The_list_has_every_current_currency_once() =>
        Assert.That(Currencies.All.Select(c => c.Code).ToList(), Is.Unique.And.Count.InRange(150, 200));

    [TestCase(12.5, "EUR", 1250)]
    [TestCase(12.34, "EUR", 1234)]
    [TestCase(1500, "JPY", 1500)]
    [TestCase(1.234, "BHD", 1234)]
    [TestCase(0, "USD", 0)]
    public void A_valid_amount_is_a_whole_number_of_minor_units(decimal amount, string currency, long units)
    {
        var money = new Money(amount, currency);
        Assert.That((money.Problem(), money.ToMinorUnits()), Is.EqualTo(((string?)null, units)));
        Assert.That(Money.FromMinorUnits(units, currency), Is.EqualTo(money.Normalized()));
    }

    [Test]
    public void An_amount_is_written_with_its_currencys_decimal_places() =>
        Assert.That((new Money(12.5m, "EUR").Normalized().ToString(), new Money(7m, "BHD").Normalized().ToString(), new Money(300m, "JPY").ToString()),
            Is.EqualTo(("EUR 12.50", "BHD 7.000", "JPY 300")));

    [TestCase(-0.01, "EUR", "negative")]
    [TestCase(12.345, "EUR", "2 decimal places")]
    [TestCase(100.5, "JPY", "0 decimal places")]
    [TestCase(1.2345, "BHD", "3 decimal places")]
    [TestCase(10, "EURO", "not an ISO 4217 currency")]
    public void An_invalid_amount_says_what_is_wrong(decimal amount, string currency, string problem) =>
        Assert.That(Money.Problem(amount, currency), Does.Contain(problem));

    [Test]
    public void An_amount_stays_below_the_limit() => Assert.That(Money.Problem(Money.Limit, "EUR"), Does.Contain("less than"));
}
