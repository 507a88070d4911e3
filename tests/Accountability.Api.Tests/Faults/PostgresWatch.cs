using System.Diagnostics;
using Npgsql;

namespace Accountability.Api.Tests.Faults;

/// <summary>
/// Connects to a restarting PostgreSQL again and again, as a client would, and notes on the test's clock when it first
/// answered "the database system is starting up" (57P03: it is replaying its WAL), when it first accepted a query, and
/// when the last attempt it refused began. PostgreSQL began to accept somewhere between the last two: a client can
/// have been served a little before <see cref="AcceptingAt"/> (the watch saw it late), never before
/// <see cref="RefusedUntil"/>.
/// </summary>
public sealed class PostgresWatch : IAsyncDisposable
{
    private const string CannotConnectNow = "57P03";
    private readonly CancellationTokenSource stop = new();
    private readonly Task watching;
    private long startingUpAt = -1;
    private long acceptingAt = -1;
    private long refusedUntil = -1;

    private PostgresWatch(string connectionString, Stopwatch clock)
    {
        var direct = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        watching = Task.Run(() => WatchAsync(direct, clock));
    }

    /// <summary>When PostgreSQL first said it was recovering, if it did.</summary>
    public TimeSpan? StartingUpAt => Read(ref startingUpAt);

    /// <summary>When PostgreSQL first accepted a query again, if it has.</summary>
    public TimeSpan? AcceptingAt => Read(ref acceptingAt);

    /// <summary>When the last attempt that PostgreSQL refused (recovering, or not listening) began.</summary>
    public TimeSpan? RefusedUntil => Read(ref refusedUntil);

    public static PostgresWatch Start(string connectionString, Stopwatch clock) => new(connectionString, clock);

    private async Task WatchAsync(string connectionString, Stopwatch clock)
    {
        while (!stop.IsCancellationRequested)
        {
            var attempt = clock.Elapsed.Ticks;
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
                Interlocked.Exchange(ref refusedUntil, attempt);
            }
            catch (NpgsqlException) when (!stop.IsCancellationRequested)
            {
                Interlocked.Exchange(ref refusedUntil, attempt); // not listening yet
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
