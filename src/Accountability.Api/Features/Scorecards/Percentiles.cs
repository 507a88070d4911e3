namespace Accountability.Api.Features.Scorecards;

public static class Percentiles
{
    /// <summary>Count, median and 90th percentile, interpolated between the two nearest values (as percentile_cont).</summary>
    public static Durations Of(List<double> values)
    {
        if (values.Count == 0)
            return new Durations(0, null, null);
        values.Sort();
        double At(double fraction)
        {
            var position = fraction * (values.Count - 1);
            var below = (int)Math.Floor(position);
            var above = Math.Min(below + 1, values.Count - 1);
            return values[below] + (position - below) * (values[above] - values[below]);
        }
        return new Durations(values.Count, At(0.5), At(0.9));
    }
}
