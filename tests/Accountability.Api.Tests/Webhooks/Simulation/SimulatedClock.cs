namespace Accountability.Api.Tests.Webhooks.Simulation;

/// <summary>Simulated time: stands still until the simulation moves it, which it does in jumps of up to days.</summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    /// <summary>Moves the clock on to <paramref name="at"/>; never back.</summary>
    public void MoveTo(DateTimeOffset at)
    {
        for (var seen = Interlocked.Read(ref ticks); at.UtcTicks > seen; seen = Interlocked.Read(ref ticks))
            if (Interlocked.CompareExchange(ref ticks, at.UtcTicks, seen) == seen)
                return;
    }
}
