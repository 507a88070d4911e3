using Accountability.Api.Setup;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Weasel.Core;
using Weasel.Postgresql;

namespace Accountability.Api.Cli;

/// <summary><c>db apply</c> and <c>db assert</c>: production's schema migrations, run by the operator (or a deployment job).</summary>
public static class DatabaseCommand
{
    private const string Usage = """
        Usage: Accountability.Api db apply
               Accountability.Api db assert

        apply   creates or updates the tables, indexes and functions of the schema (Accountability__Schema) to match this
                version, and lists what it changed. Safe to run again: an up-to-date schema is left alone.
        assert  changes nothing: exits 0 when the schema matches this version, or lists the differences, prints the SQL
                `db apply` would run and exits 1.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["apply" or "assert"])
        {
            Console.Out.WriteLine(Usage);
            return args is [.., "--help" or "-h"] ? 0 : 2;
        }
        var apply = args[0] == "apply";
        await using var app = await CommandLine.BuildServicesAsync(mayApplySchema: false);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var schema = app.Services.GetRequiredService<IOptions<AccountabilityOptions>>().Value.Schema;
        var migration = await store.Storage.Database.CreateMigrationAsync();
        if (migration.Difference == SchemaPatchDifference.None)
        {
            Console.Out.WriteLine($"The schema {schema} is current.");
            return 0;
        }
        foreach (var delta in migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None))
            Console.Out.WriteLine($"{delta.Difference,-8} {delta.SchemaObject.Identifier}");
        if (!apply)
        {
            migration.WriteAllUpdates(Console.Out, new PostgresqlMigrator(), AutoCreate.CreateOrUpdate);
            return CommandLine.Fail($"The schema {schema} differs from this version: run `db apply`.");
        }
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        Console.Out.WriteLine($"The schema {schema} is now current.");
        return 0;
    }
}
