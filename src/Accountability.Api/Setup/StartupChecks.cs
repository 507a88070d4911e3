using System.Net.Sockets;
using Accountability.Api.Configuration;
using Accountability.Api.Features.Pages;
using Accountability.Api.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Accountability.Api.Setup;

/// <summary>What the service checks before it starts, so that a wrong setting is one clear line rather than a stack trace.</summary>
public static class StartupChecks
{
    /// <summary>
    /// Tracking links are built from StatusPageBaseUrl, never from a request's Host header; in Production no other address
    /// is safe to fall back on (the one a node listens on is an internal one).
    /// </summary>
    public static void RequirePublicAddress(PublicAddressOptions publicAddress, IHostEnvironment environment)
    {
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(publicAddress.StatusPageBaseUrl))
            throw new ConfigurationException(
                $"Invalid configuration: {SettingChecks.Section}:{nameof(PublicAddressOptions.StatusPageBaseUrl)} must be set in Production, " +
                "to the public address customers open status pages at (such as https://help.example.com); links are never built from a request's Host.");
    }

    public static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ServiceSetup.ConnectionStringName) ?? configuration[ServiceSetup.ConnectionStringVariable];
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ConfigurationException(
                $"No database configured: set {ServiceSetup.ConnectionStringVariable} (or ConnectionStrings__{ServiceSetup.ConnectionStringName}) to a PostgreSQL connection string.");
        return Checked(connectionString, "The database connection string");
    }

    /// <summary>The connection strings of the tenant database groups, checked and completed as the main one is (decision 0049).</summary>
    public static void CheckGroupConnectionStrings(EventStoreOptions store)
    {
        foreach (var group in store.TenantDatabases)
            group.ConnectionString = Checked(group.ConnectionString, $"The connection string of the tenant database group '{group.Name}'");
    }

    private static string Checked(string connectionString, string which)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException invalid)
        {
            // The message names the faulty keyword, never the string itself, which holds the password.
            throw new ConfigurationException($"{which} is not valid: {invalid.Message}");
        }
        return WithStatementReuse(builder);
    }

    /// <summary>
    /// Prepares repeated statements (unless the connection string sets Max Auto Prepare) and keeps them across a pooled
    /// connection's uses; nothing here leaves other session state behind. Without this every command is parsed and planned
    /// again, and each pooled connection's reset (DISCARD ALL) drops the plans of Marten's append function: together that
    /// was most of the database's time on a handoff.
    /// </summary>
    private static string WithStatementReuse(NpgsqlConnectionStringBuilder builder)
    {
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 200;
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>Opens one connection to each database, so an unreachable one or refused login stops the start with a message saying which.</summary>
    public static async Task EnsureDatabaseReachableAsync(IServiceProvider services)
    {
        foreach (var source in services.GetRequiredService<TenantDatabases>().All)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
            {
                var at = new NpgsqlConnectionStringBuilder(source.ConnectionString);
                var schema = services.GetRequiredService<IOptions<EventStoreOptions>>().Value.Schema;
                throw new ConfigurationException(
                    $"Cannot use the database '{at.Database}' on {at.Host}:{at.Port} as '{at.Username}' (schema {schema}): {ex.GetBaseException().Message}");
            }
        }
    }
}
