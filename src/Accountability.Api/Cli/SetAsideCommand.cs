using System.CommandLine;
using Accountability.Api.Features.SetAside;

namespace Accountability.Api.Cli;

/// <summary><c>projections set-aside list|retry</c>: the events the projection daemon set aside, for one tenant or all.</summary>
public static class SetAsideCommand
{
    private static readonly Option<string?> Tenant = new("--tenant") { Description = "only this tenant's events (without it, every tenant's)" };
    private static readonly Option<Guid?> Id = new("--id") { Description = "only this set-aside event", CustomParser = CommandLine.Value<Guid>(Guid.TryParse, "the id of a set-aside event (a GUID)") };

    public static Command Create()
    {
        var list = new Command("list", "Prints the events a projection or subscription could not process and set aside, one a line: "
            + "id, projection or subscription, tenant, stream, sequence, event type, when, error.") { Tenant, Id };
        list.SetAction(parsed => ListAsync(parsed.GetValue(Tenant), parsed.GetValue(Id)));
        var retry = new Command("retry", "Runs the projection or subscription again for each of them (after a fix): one that is processed "
            + "is no longer set aside; one that fails again stays, with the new error. Exits 1 if any failed again.") { Tenant, Id };
        retry.SetAction(parsed => RetryAsync(parsed.GetValue(Tenant), parsed.GetValue(Id)));
        return new Command("set-aside", "The events the background work could not process and set aside, and their retry.") { list, retry };
    }

    private static async Task<int> ListAsync(string? tenant, Guid? id)
    {
        await using var app = await CommandLine.BuildServicesAsync();
        foreach (var e in await app.Services.GetRequiredService<SetAsideEvents>().ListAsync(tenant, id, CancellationToken.None))
            Console.Out.WriteLine($"{e.Id} {e.Processor} tenant={e.Tenant} stream={e.StreamId} sequence={e.Sequence} type={e.EventType} at={e.SetAsideAt:O} error={e.Error}");
        return 0;
    }

    private static async Task<int> RetryAsync(string? tenant, Guid? id)
    {
        await using var app = await CommandLine.BuildServicesAsync();
        var outcomes = await app.Services.GetRequiredService<SetAsideEvents>().RetryAsync(tenant, id, CancellationToken.None);
        foreach (var outcome in outcomes)
            Console.Out.WriteLine(outcome.Processed ? $"{outcome.Id} processed" : $"{outcome.Id} failed again: {outcome.Error}");
        Console.Out.WriteLine($"{outcomes.Count(o => o.Processed)} processed, {outcomes.Count(o => !o.Processed)} still set aside.");
        return outcomes.All(o => o.Processed) ? 0 : 1;
    }
}
