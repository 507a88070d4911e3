using Accountability.Api.Commands;
using Accountability.Api.Features.Policies;
using Accountability.Api.Persistence;
using Accountability.Domain.Parties;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Standing;

/// <summary>
/// Evaluates every vendor of every marketplace that has standing on, once an interval, through the store in a session of
/// its own per vendor (no HTTP request, so no command: nothing to replay). Nodes need not coordinate: each change is
/// appended at the stream's expected version, so when two nodes evaluate a vendor at once one records the change and the
/// other's save is refused and dropped.
/// </summary>
public sealed class StandingSweep(IDocumentStore store, StandingStore standings, IOptions<StandingOptions> options, ILogger<StandingSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunStandingEvaluator)
            return;
        var interval = TimeSpan.FromMinutes(options.Value.StandingEvaluationMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, stoppingToken);
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Evaluating vendor standing failed; trying again on the next pass");
            }
        }
    }

    /// <summary>One pass over every tenant's vendors; returns how many changes it recorded.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        List<Tenant> tenants;
        await using (var session = store.QuerySession())
            tenants = [.. await session.Query<Tenant>().ToListAsync(ct)];
        var recorded = 0;
        foreach (var tenant in tenants)
        {
            List<string> vendors;
            await using (var session = store.QuerySession(tenant.Id))
            {
                if (!PolicyDocument.Current(await session.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, ct)).Standing.Enabled)
                    continue;
                vendors = [.. await session.Query<Party>().Where(p => p.Kind == PartyKind.Vendor).Select(p => p.Id).ToListAsync(ct)];
            }
            foreach (var vendor in vendors)
            {
                await using var session = store.LightweightSession(tenant.Id);
                var changes = await standings.EvaluateAsync(session, vendor, ct);
                if (changes.Count == 0)
                    continue;
                try
                {
                    await session.SaveChangesAsync(ct);
                    recorded += changes.Count;
                }
                catch (Exception lost) when (LostRace.Is(lost))
                {
                    logger.LogInformation("Vendor {Vendor}'s standing was recorded by another evaluation at the same time", vendor);
                }
            }
        }
        return recorded;
    }
}
