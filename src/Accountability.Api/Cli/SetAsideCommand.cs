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
        list.SetAction(parsed => ListAsync(CommandContext.Of(parsed), parsed.GetValue(Tenant), parsed.GetValue(Id)));
        var retry = new Command("retry", "Runs the projection or subscription again for each of them (after a fix): one that is processed "
            + "is no longer set aside; one that fails again stays, with the new error. Exits 1 if any failed again.") { Tenant, Id };
        retry.SetAction(parsed => RetryAsync(CommandContext.Of(parsed), parsed.GetValue(Tenant), parsed.GetValue(Id)));
        return new Command("set-aside", "The events the background work could not process and set aside, and their retry.") { list, retry };
    }

    private static async Task<int> ListAsync(CommandContext context, string? tenant, Guid? id)
    {
        await using var app = await CommandLine.BuildServicesAsync(context);
        foreach (var e in await app.Services.GetRequiredService<SetAsideEvents>().ListAsync(tenant, id, CancellationToken.None))
            context.Output.WriteLine($"{e.Id} {e.Processor} tenant={e.Tenant} stream={e.StreamId} sequence={e.Sequence} type={e.EventType} at={e.SetAsideAt:O} error={e.Error}");
        return 0;
    }

    private static async Task<int> RetryAsync(CommandContext context, string? tenant, Guid? id)
    {
        await using var app = await CommandLine.BuildServicesAsync(context);
        var outcomes = await app.Services.GetRequiredService<SetAsideEvents>().RetryAsync(tenant, id, CancellationToken.None);
        foreach (var outcome in outcomes)
            context.Output.WriteLine(outcome.Processed ? $"{outcome.Id} processed" : $"{outcome.Id} failed again: {outcome.Error}");
        context.Output.WriteLine($"{outcomes.Count(o => o.Processed)} processed, {outcomes.Count(o => !o.Processed)} still set aside.");
        return outcomes.All(o => o.Processed) ? 0 : 1;
    }
}
