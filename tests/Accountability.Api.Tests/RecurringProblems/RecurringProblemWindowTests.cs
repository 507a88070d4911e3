using Accountability.Api.Features.RecurringProblems;

namespace Accountability.Api.Tests.RecurringProblems;

/// <summary>The window the detector looks back over, at the edges of time: no valid filing time makes it throw.</summary>
[Category("api")]
public sealed class RecurringProblemWindowTests
{
    [Test]
    public void A_complaint_filed_within_the_window_of_the_earliest_time_looks_back_to_the_earliest_time()
    {
        var filed = DateTimeOffset.MinValue.AddDays(1).ToOffset(TimeSpan.Zero);
        Assert.That(RecurringProblemDetector.WindowStart(filed, 7), Is.EqualTo(DateTimeOffset.MinValue));
        Assert.That(RecurringProblemDetector.WindowStart(DateTimeOffset.MinValue, int.MaxValue), Is.EqualTo(DateTimeOffset.MinValue));
    }

    [Test]
    public void A_complaint_filed_later_looks_back_the_whole_window()
    {
        var filed = new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero);
        Assert.That(RecurringProblemDetector.WindowStart(filed, 7), Is.EqualTo(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
    }
}
