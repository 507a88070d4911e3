using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Liability;

public sealed class StatementPeriodTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTimeOffset Utc(string at) => DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void A_month_runs_from_local_midnight_to_local_midnight_and_closes_its_days_after_at_local_midnight()
    {
        var december = new StatementPeriod(2026, 12);
        Assert.That((december.Start(Paris), december.End(Paris), december.ClosesAt(Paris, 3)),
            Is.EqualTo((Utc("2026-11-30T23:00:00Z"), Utc("2026-12-31T23:00:00Z"), Utc("2027-01-03T23:00:00Z"))));
        Assert.That(new StatementPeriod(2026, 3).End(Paris), Is.EqualTo(Utc("2026-03-31T22:00:00Z")), "summer time in April");
    }

    [Test]
    public void An_instant_belongs_to_its_local_month()
    {
        Assert.That(StatementPeriod.Of(Utc("2026-12-31T22:59:59Z"), Paris).ToString(), Is.EqualTo("2026-12"));
        Assert.That(StatementPeriod.Of(Utc("2026-12-31T23:00:00Z"), Paris).ToString(), Is.EqualTo("2027-01"));
        Assert.That(StatementPeriod.Of(Utc("2026-12-31T23:00:00Z"), TimeZoneInfo.Utc).ToString(), Is.EqualTo("2026-12"));
    }

    [TestCase("2026-01", true)]
    [TestCase("2026-13", false)]
    [TestCase("2026-1", false)]
    [TestCase("26-01-01", false)]
    [TestCase("1969-12", false)]
    [TestCase("+026-01", false)]
    public void A_period_is_written_year_dash_month(string text, bool valid) =>
        Assert.That(StatementPeriod.TryParse(text, out _), Is.EqualTo(valid));

    [Test]
    public void A_correction_may_land_on_its_charges_month_then_on_the_month_recorded_and_those_after()
    {
        var charged = Utc("2026-12-30T10:00:00Z");
        var reversal = new StatementEntry(Guid.NewGuid(), 6, "acme", StatementEntryKind.Reversal, Guid.NewGuid(), new Money(-19.99m, "EUR"),
            Utc("2027-02-05T10:00:00Z"), charged);
        Assert.That(reversal.Candidates(Paris).Take(3).Select(p => p.ToString()), Is.EqualTo(new[] { "2026-12", "2027-02", "2027-03" }));
        var charge = reversal with { Kind = StatementEntryKind.Charge, At = charged };
        Assert.That(charge.Candidates(Paris).Take(2).Select(p => p.ToString()), Is.EqualTo(new[] { "2026-12", "2027-01" }));
    }

    [Test]
    public void A_reversal_takes_its_charges_amount_off_its_charges_party()
    {
        var id = Guid.NewGuid();
        var charge = Charge.From(new ChargeCreated(id, "acme", new Money(1234m, "JPY"), ChargeCause.Remedy, "acme", Utc("2026-12-30T10:00:00Z")), 4);
        var entry = StatementEntry.Of(Guid.NewGuid(), 5, new ChargeReversed(id, "Mistaken", "store", Utc("2027-01-02T10:00:00Z")), c => c == id ? charge : null)!;
        Assert.That((entry.Party, entry.Kind, entry.Amount, entry.ChargedAt), Is.EqualTo(("acme", StatementEntryKind.Reversal, new Money(-1234m, "JPY"), charge.At)));
    }

    [TestCase("Europe/Paris", 3, null)]
    [TestCase("UTC", 0, null)]
    [TestCase("Paris", 3, "statements.timeZone")]
    [TestCase("Central European Standard Time", 3, "statements.timeZone")]
    [TestCase("", 3, "statements.timeZone")]
    [TestCase("Europe/Paris", 61, "statements.closeAfterDays")]
    [TestCase("Europe/Paris", -1, "statements.closeAfterDays")]
    public void The_policy_checks_the_time_zone_and_the_days_naming_the_field(string zone, int days, string? field) =>
        Assert.That((Policy.Default with { Statements = new StatementSettings(zone, days) }).Problems().Keys,
            Is.EqualTo(field is null ? Array.Empty<string>() : new[] { field }));
}
