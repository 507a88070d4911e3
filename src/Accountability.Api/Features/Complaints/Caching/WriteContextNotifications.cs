using Accountability.Api.Persistence;
using Marten;
using Npgsql;

namespace Accountability.Api.Features.Complaints.Caching;

/// <summary>
/// Listens for changes to any tenant's write context, made on any node, and drops that tenant's cached context. After
/// an outage it drops every context once it listens again, since it may have missed notifications meanwhile. It
/// listens on every database (decision 0049).
/// </summary>
public sealed class WriteContextNotifications(TenantDatabases databases, IDocumentStore store, WriteContextCache cache,
    ILogger<WriteContextNotifications> logger) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Listening for write-context changes failed; writes check versions until it reconnects");
                await Task.Delay(Reconnect, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private Task ListenAsync(CancellationToken ct) => databases.OnEachAsync(ListenAsync, ct);

    private async Task ListenAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        // A connection of its own, never returned to the pool while it listens: a broken one is simply dropped.
        await using var connection = await database.OpenConnectionAsync(ct);
        connection.Notification += (_, e) => cache.Forget(e.Payload);
        await using (var listen = new NpgsqlCommand($"listen \"{ContextVersions.Channel(store.Options.DatabaseSchemaName)}\"", connection))
            await listen.ExecuteNonQueryAsync(ct);
        cache.ForgetAll();
        try
        {
            while (!ct.IsCancellationRequested)
                await connection.WaitAsync(ct);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var unlisten = new NpgsqlCommand("unlisten *", connection);
                await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }
}
