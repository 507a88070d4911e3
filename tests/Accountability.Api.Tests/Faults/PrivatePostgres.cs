using System.Diagnostics;
using Npgsql;

namespace Accountability.Api.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of one test's own, started by deploy/postgres.sh in a temporary folder on a free port, so the
/// test can stop it without stopping the database every other test uses. Removed with its data when disposed.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"accountability-pg-{Guid.NewGuid():N}"[..32]);
    private readonly int port = new Uri(Infrastructure.ServiceProcess.LoopbackUrl()).Port;

    private PrivatePostgres()
    {
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var database = new PrivatePostgres();
        await database.StartAgainAsync();
        return database;
    }

    /// <summary>Starts the stopped cluster again (or creates it), as the repository's script does.</summary>
    public async Task StartAgainAsync()
    {
        var script = Path.Combine(OpenApi.OpenApiDocumentTests.RepositoryRoot(), "deploy", "postgres.sh");
        var start = new ProcessStartInfo("bash", [script]);
        start.Environment.Remove("ACCOUNTABILITY_DB");
        start.Environment["ACCOUNTABILITY_PG_PORT"] = port.ToString();
        start.Environment["ACCOUNTABILITY_PG_DATA"] = data;
        ConnectionString = (await RunAsync(start)).Trim();
    }

    /// <summary>
    /// Stops the cluster at once, as a crash or a failover does: open connections are cut, nothing is checkpointed, and
    /// the next start replays the WAL written since the last checkpoint (crash recovery) before it accepts connections.
    /// </summary>
    public async Task StopAsync() => await RunAsync(AsOwner(PgCtl(), "-D", data, "stop", "-m", "immediate"));

    /// <summary>Writes <paramref name="rows"/> rows to a table of their own, so a crash leaves that much WAL to replay; returns its bytes.</summary>
    public async Task<long> WriteWalAsync(int rows)
    {
        // Not pooled: a pooled connection would outlive the crash and fail whoever takes it next.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        async Task<object?> SqlAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
            return await command.ExecuteScalarAsync();
        }
        var start = await SqlAsync("SELECT pg_current_wal_lsn()::text");
        await SqlAsync("CREATE TABLE IF NOT EXISTS crash_ballast (n bigint, text text)");
        await SqlAsync($"INSERT INTO crash_ballast SELECT g, md5(g::text) FROM generate_series(1, {rows}) g");
        return (long)(decimal)(await SqlAsync($"SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '{start}')"))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
            await StopAsync();
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
    }

    /// <summary>PostgreSQL refuses to run as root; the script runs it as the postgres user, and so must pg_ctl.</summary>
    private static ProcessStartInfo AsOwner(params string[] command) =>
        Environment.UserName == "root" ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", .. command]) : new ProcessStartInfo(command[0], command[1..]);

    private static string PgCtl() => Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl"))
        .Where(File.Exists).OrderByDescending(p => int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))!)).First();

    private static async Task<string> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, $"{start.FileName} {string.Join(' ', start.ArgumentList)}: {await error}");
        return await output;
    }
}
