namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// Waits for a condition by asking again until it holds, failing with what was awaited once a generous time has passed.
/// A wait for something that must happen, never a pause: a check that something did not happen needs a completed pass
/// (<see cref="IsolatedNode.RunSchedulerPassAsync"/>, <see cref="IsolatedNode.RunDispatcherPassAsync"/>) instead.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads until what it reads satisfies <paramref name="holds"/>, and returns that.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string awaited, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Patience);
        while (true)
        {
            var value = await read();
            if (holds(value))
                return value;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Waited {(within ?? Patience).TotalSeconds} s in vain for {awaited}");
            await Task.Delay(Interval);
        }
    }

    /// <summary>Whether the condition came to hold in time, for a test whose own assertion says more than "in vain".</summary>
    public static async Task<bool> HoldsWithinAsync(Func<bool> holds, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!holds())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(Interval);
        }
        return true;
    }

    public static Task UntilAsync(Func<bool> holds, string awaited, TimeSpan? within = null) =>
        UntilAsync(() => Task.FromResult(holds()), held => held, awaited, within);
}
