using System.Diagnostics;
using Npgsql;

namespace Accountability.Api.Tests.Faults;

/// <summary>
/// Connects to a restarting PostgreSQL again and again, as a client would, and notes on the test's clock when it first
/// answered "the database system is starting up" (57P03: it is replaying its WAL) and when it first accepted a query.
/// </summary>
public sealed class PostgresWatch : IAsyncDisposable
{
    private const string CannotConnectNow = "57P03";
    private readonly CancellationTokenSource stop = new();
    private readonly Task watching;
    private long startingUpAt = -1;
    private long acceptingAt = -1;

    private PostgresWatch(string connectionString, Stopwatch clock)
    {
        var direct = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        watching = Task.Run(() => WatchAsync(direct, clock));
    }

    /// <summary>When PostgreSQL first said it was recovering, if it did.</summary>
    public TimeSpan? StartingUpAt => Read(ref startingUpAt);

    /// <summary>When PostgreSQL first accepted a query again, if it has.</summary>
    public TimeSpan? AcceptingAt => Read(ref acceptingAt);

    public static PostgresWatch Start(string connectionString, Stopwatch clock) => new(connectionString, clock);

    private async Task WatchAsync(string connectionString, Stopwatch clock)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stop.Token);
                await using var query = new NpgsqlCommand("SELECT 1", connection);
                await query.ExecuteScalarAsync(stop.Token);
                Interlocked.Exchange(ref acceptingAt, clock.Elapsed.Ticks);
                return;
            }
            catch (PostgresException recovering) when (recovering.SqlState == CannotConnectNow)
            {
                Interlocked.CompareExchange(ref startingUpAt, clock.Elapsed.Ticks, -1);
            }
            catch (NpgsqlException) when (!stop.IsCancellationRequested)
            {
                // not listening yet
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await Task.Delay(20, CancellationToken.None); // a client's reconnect interval, not a wait for a condition
        }
    }

    private static TimeSpan? Read(ref long ticks) => Interlocked.Read(ref ticks) is var value and >= 0 ? TimeSpan.FromTicks(value) : null;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await watching;
        stop.Dispose();
    }
}
