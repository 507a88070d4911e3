using System.CommandLine;
using JasperFx.Events.Projections;
using Marten;

namespace Accountability.Api.Cli;

/// <summary>
/// <c>projections rebuild</c>: rebuilds read models from the events, for every tenant in the database; and
/// <c>projections set-aside</c> (<see cref="SetAsideCommand"/>).
/// </summary>
public static class ProjectionsCommand
{
    private static readonly Option<string?> Projection = new("--projection")
    {
        Description = "one projection's name: Complaint (the complaint documents every read and write uses) or Scorecard "
            + "(the scorecards' tables, kept by the worker's daemon)",
    };

    public static Command Create()
    {
        var rebuild = new Command("rebuild", """
            Deletes what a projection built and replays every event through it again, for all tenants. Without --projection,
            rebuilds each projection in turn. Run it while no node writes (scale the API nodes and the worker to zero): the
            complaint documents are read by every write, and an async projection must not be advanced by the worker's
            daemon at the same time.
            """) { Projection };
        rebuild.SetAction(parsed => RebuildAsync(CommandContext.Of(parsed), parsed.GetValue(Projection)));
        return new Command("projections", "The read models built from the events.") { rebuild, SetAsideCommand.Create() };
    }

    private static async Task<int> RebuildAsync(CommandContext context, string? projection)
    {
        await using var app = await CommandLine.BuildServicesAsync(context);
        var store = (DocumentStore)app.Services.GetRequiredService<IDocumentStore>();
        var known = store.Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => p.Name).ToArray();
        var names = projection is null ? known : [projection];
        if (names.Except(known).FirstOrDefault() is { } unknown)
            return context.Fail($"There is no projection '{unknown}'. Projections: {string.Join(", ", known)}.");

        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var name in names)
        {
            var started = TimeProvider.System.GetTimestamp();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), CancellationToken.None);
            context.Output.WriteLine($"Rebuilt {name} in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N1} s.");
        }
        return 0;
    }
}
