using Accountability.Domain.Times;

namespace Accountability.Domain.Tests.Times;

public sealed class TimeKindsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [TestCase("1970-01-01T00:00:00Z")]
    [TestCase("2026-03-02T09:00:00Z")]
    [TestCase("2026-03-03T09:00:00Z")]
    public void A_time_from_1970_to_a_day_ahead_can_have_happened(string at) =>
        Assert.That(HappenedTime.IsPossible(DateTimeOffset.Parse(at), Now), Is.True);

    [TestCase("0001-01-01T10:00:00Z")]
    [TestCase("1969-12-31T23:59:59Z")]
    [TestCase("2026-03-03T09:00:01Z")]
    [TestCase("9999-12-31T23:59:00Z")]
    public void A_time_before_1970_or_more_than_a_day_ahead_cannot_have_happened(string at) =>
        Assert.That(HappenedTime.IsPossible(DateTimeOffset.Parse(at), Now), Is.False);

    [Test]
    public void A_due_time_is_after_now_and_within_a_year()
    {
        Assert.That(DueTime.IsReachable(Now.AddHours(1), Now), Is.True);
        Assert.That(DueTime.IsReachable(Now.AddDays(365), Now), Is.True);
        Assert.That(DueTime.IsReachable(Now, Now), Is.False);
        Assert.That(DueTime.IsReachable(Now.AddDays(366), Now), Is.False);
    }

    [Test]
    public void A_due_time_never_overflows_whatever_its_start_and_hours()
    {
        Assert.That(DueTime.After(Now, 120), Is.EqualTo(Now.AddHours(120)));
        Assert.That(DueTime.After(Now, 1e300), Is.EqualTo(Now + DueTime.MaxReach));
        Assert.That(DueTime.After(DateTimeOffset.MaxValue.AddHours(-1), 120), Is.EqualTo(DateTimeOffset.MaxValue));
    }

    [Test]
    public void A_filter_bound_is_clamped_never_refused()
    {
        Assert.That(FilterTime.Clamp(DateTimeOffset.MinValue), Is.EqualTo(FilterTime.Lowest));
        Assert.That(FilterTime.Clamp(DateTimeOffset.MaxValue), Is.EqualTo(FilterTime.Highest));
        Assert.That(FilterTime.Clamp(Now), Is.EqualTo(Now));
        Assert.That(FilterTime.Clamp((DateTimeOffset?)null), Is.Null);
        Assert.That(() => FilterTime.Clamp(DateTimeOffset.MaxValue).AddDays(7), Throws.Nothing, "a day or a week can be added to a clamped bound");
    }
}
