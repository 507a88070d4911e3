using JasperFx.Events.Projections;
using Marten;

namespace Accountability.Api.Cli;

/// <summary>
/// <c>projections rebuild</c>: rebuilds read models from the events, for every tenant in the database; and
/// <c>projections set-aside</c> (<see cref="SetAsideCommand"/>).
/// </summary>
public static class ProjectionsCommand
{
    private const string Usage = """
        Usage: Accountability.Api projections rebuild [--projection <name>]
               Accountability.Api projections set-aside list|retry [--tenant <id>] [--id <id>]   (see projections set-aside --help)

        Deletes what a projection built and replays every event through it again, for all tenants. Without
        --projection, rebuilds each projection in turn. Run it while no node writes (scale the API nodes and the
        worker to zero): the complaint documents are read by every write, and an async projection must not be
        advanced by the worker's daemon at the same time.

          --projection  one projection's name: Complaint (the complaint documents every read and write uses) or
                        Scorecard (the scorecards' tables, kept by the worker's daemon)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["set-aside", .. var setAside])
            return await SetAsideCommand.RunAsync(setAside);
        if (args is not ["rebuild", .. var rest])
        {
            Console.Out.WriteLine(Usage);
            return args is [.., "--help" or "-h"] ? 0 : 2;
        }
        if (CommandLine.Options(rest, Usage, [], out var exitCode) is not { } options)
            return exitCode;
        await using var app = await CommandLine.BuildServicesAsync();
        var store = (DocumentStore)app.Services.GetRequiredService<IDocumentStore>();
        var known = store.Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => p.Name).ToArray();
        var names = options.TryGetValue("projection", out var one) ? [one] : known;
        if (names.Except(known).FirstOrDefault() is { } unknown)
            return CommandLine.Fail($"There is no projection '{unknown}'. Projections: {string.Join(", ", known)}.");

        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var name in names)
        {
            var started = TimeProvider.System.GetTimestamp();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), CancellationToken.None);
            Console.Out.WriteLine($"Rebuilt {name} in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N1} s.");
        }
        return 0;
    }
}
