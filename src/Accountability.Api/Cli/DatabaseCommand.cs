using System.CommandLine;
using Accountability.Api.Persistence;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Weasel.Core;
using Weasel.Postgresql;

namespace Accountability.Api.Cli;

/// <summary><c>db apply</c> and <c>db assert</c>: production's schema migrations, run by the operator (or a deployment job).</summary>
public static class DatabaseCommand
{
    public static Command Create()
    {
        var apply = new Command("apply", "Creates or updates the tables, indexes and functions of the schema (Accountability__Schema) "
            + "to match this version, and lists what it changed. Safe to run again: an up-to-date schema is left alone.");
        apply.SetAction(parsed => RunAsync(CommandContext.Of(parsed), apply: true));
        var assert = new Command("assert", "Changes nothing: exits 0 when the schema matches this version, or lists the differences, "
            + "prints the SQL `db apply` would run and exits 1.");
        assert.SetAction(parsed => RunAsync(CommandContext.Of(parsed), apply: false));
        return new Command("db", "The database schema: brings it up to date with this version, or checks that it is.") { apply, assert };
    }

    private static async Task<int> RunAsync(CommandContext context, bool apply)
    {
        await using var app = await CommandLine.BuildServicesAsync(context, mayApplySchema: false);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var schema = app.Services.GetRequiredService<IOptions<EventStoreOptions>>().Value.Schema;
        // Every database: the one, or the master and each group's (decision 0049), named when there are several.
        var databases = await store.Storage.AllDatabases();
        var differs = false;
        foreach (var database in databases)
        {
            var migration = await database.CreateMigrationAsync();
            if (migration.Difference == SchemaPatchDifference.None)
                continue;
            differs = true;
#pragma warning disable CS0618 // The group's name from the settings; the Id that replaces it names server and database instead.
            var where = databases.Count > 1 ? $" ({database.Identifier})" : "";
#pragma warning restore CS0618
            foreach (var delta in migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None))
                context.Output.WriteLine($"{delta.Difference,-8} {delta.SchemaObject.Identifier}{where}");
            if (!apply)
                migration.WriteAllUpdates(context.Output, new PostgresqlMigrator(), AutoCreate.CreateOrUpdate);
        }
        if (!differs)
        {
            context.Output.WriteLine($"The schema {schema} is current.");
            return 0;
        }
        if (!apply)
            return context.Fail($"The schema {schema} differs from this version: run `db apply`.");
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        context.Output.WriteLine($"The schema {schema} is now current.");
        return 0;
    }
}
