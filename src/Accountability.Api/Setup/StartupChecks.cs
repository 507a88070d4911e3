using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Accountability.Api.Setup;

/// <summary>What the service checks before it starts, so that a wrong setting is one clear line rather than a stack trace.</summary>
public static class StartupChecks
{
    public static AccountabilityOptions Settings(IConfiguration configuration)
    {
        AccountabilityOptions settings;
        try
        {
            settings = configuration.GetSection(AccountabilityOptions.Section).Get<AccountabilityOptions>() ?? new AccountabilityOptions();
        }
        catch (InvalidOperationException unreadable)
        {
            throw new ConfigurationException($"Invalid configuration: {unreadable.Message}");
        }
        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
            throw new ConfigurationException($"Invalid configuration: {string.Join("; ", problems)}.");
        return settings;
    }

    public static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ServiceSetup.ConnectionStringName) ?? configuration[ServiceSetup.ConnectionStringVariable];
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ConfigurationException(
                $"No database configured: set {ServiceSetup.ConnectionStringVariable} (or ConnectionStrings__{ServiceSetup.ConnectionStringName}) to a PostgreSQL connection string.");
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException invalid)
        {
            // The message names the faulty keyword, never the string itself, which holds the password.
            throw new ConfigurationException($"The database connection string is not valid: {invalid.Message}");
        }
        return connectionString;
    }

    /// <summary>Opens one connection, so an unreachable database or refused login stops the start with a message saying which.</summary>
    public static async Task EnsureDatabaseReachableAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<NpgsqlDataSource>();
        try
        {
            await using var connection = await source.OpenConnectionAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            var at = new NpgsqlConnectionStringBuilder(source.ConnectionString);
            var schema = services.GetRequiredService<IOptions<AccountabilityOptions>>().Value.Schema;
            throw new ConfigurationException(
                $"Cannot use the database '{at.Database}' on {at.Host}:{at.Port} as '{at.Username}' (schema {schema}): {ex.GetBaseException().Message}");
        }
    }
}
