using Accountability.Api.Features.SetAside;

namespace Accountability.Api.Cli;

/// <summary><c>projections set-aside list|retry</c>: the events the projection daemon set aside, for one tenant or all.</summary>
public static class SetAsideCommand
{
    private const string Usage = """
        Usage: Accountability.Api projections set-aside list [--tenant <id>] [--id <id>]
               Accountability.Api projections set-aside retry [--tenant <id>] [--id <id>]

        list   prints the events a projection or subscription could not process and set aside, one a line:
               id, projection or subscription, tenant, stream, sequence, event type, when, error
        retry  runs the projection or subscription again for each of them (after a fix): one that is processed is
               no longer set aside; one that fails again stays, with the new error. Exits 1 if any failed again.

          --tenant  only this tenant's events (without it, every tenant's)
          --id      only this set-aside event
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["list" or "retry", .. var rest])
        {
            Console.Out.WriteLine(Usage);
            return args is [.., "--help" or "-h"] ? 0 : 2;
        }
        if (CommandLine.Options(rest, Usage, [], out var exitCode) is not { } options)
            return exitCode;
        Guid? id = null;
        if (options.TryGetValue("id", out var text))
            id = Guid.TryParse(text, out var parsed) ? parsed : null;
        if (text is not null && id is null)
            return CommandLine.Fail($"--id: '{text}' is not the id of a set-aside event (a GUID).");
        var tenant = options.GetValueOrDefault("tenant");

        await using var app = await CommandLine.BuildServicesAsync();
        var setAside = app.Services.GetRequiredService<SetAsideEvents>();
        if (args[0] == "list")
        {
            foreach (var e in await setAside.ListAsync(tenant, id, CancellationToken.None))
                Console.Out.WriteLine($"{e.Id} {e.Processor} tenant={e.Tenant} stream={e.StreamId} sequence={e.Sequence} type={e.EventType} at={e.SetAsideAt:O} error={e.Error}");
            return 0;
        }
        var outcomes = await setAside.RetryAsync(tenant, id, CancellationToken.None);
        foreach (var outcome in outcomes)
            Console.Out.WriteLine(outcome.Processed ? $"{outcome.Id} processed" : $"{outcome.Id} failed again: {outcome.Error}");
        Console.Out.WriteLine($"{outcomes.Count(o => o.Processed)} processed, {outcomes.Count(o => !o.Processed)} still set aside.");
        return outcomes.All(o => o.Processed) ? 0 : 1;
    }
}
