using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Webhooks.Simulation;
using Marten;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>
/// The delivery log read while attempts are recorded. Read in two statements, it once showed a new attempt beside the
/// next attempt time from before it: the failure test moved its clock to that time, already past, and waited for a retry
/// due minutes or hours later (the stall at the 4th, 9th or 10th attempt, only under load, where the gap was wider).
/// </summary>
[Category("api")]
public sealed class DeliveryLogTests
{
    [Test]
    public async Task The_log_never_shows_an_attempt_beside_the_next_attempt_time_from_before_it()
    {
        await using var node = IsolatedNode.Start();
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
            new { url = "http://127.0.0.1:1/closed", eventTypes = new[] { "complaint.assigned" } }, 201);
        var (store, table) = (node.Host.Services.GetRequiredService<IDocumentStore>(), node.Host.Services.GetRequiredService<DeliveryTable>());
        var start = DateTimeOffset.UtcNow;
        await new Outbox(store, market.Id).SeedAsync([("msg_log_race", hook.Endpoint.Id, Guid.NewGuid(), 1)], start);

        // Records attempt after attempt as a dispatcher does: each moves the next attempt time past the attempt, in one commit.
        const int attempts = 100;
        var recording = Task.Run(async () =>
        {
            for (var i = 1; i <= attempts; i++)
            {
                var (claim, claimed) = await table.ClaimAsync(start.AddYears(1), TimeSpan.FromMinutes(1), 1, 1, [], CancellationToken.None);
                await using var session = store.LightweightSession();
                var at = start.AddMinutes(i);
                DeliveryTable.RecordAttempt(session, claimed.Single() with { FailedAttempts = i, NextAttemptAt = at.AddSeconds(30) },
                    new DeliveryAttempt(at, 503, 1, "HTTP 503"), claim);
                await session.SaveChangesAsync();
            }
        });

        var (reads, inconsistent) = (0, new List<string>());
        while (!recording.IsCompleted)
        {
            var (delivery, tries) = (await table.LogAsync(market.Id, hook.Endpoint.Id, 200, CancellationToken.None)).Single();
            reads++;
            if (tries.Count > 0 && delivery.NextAttemptAt <= tries[^1].At)
                inconsistent.Add($"attempt at {tries[^1].At:T} beside next attempt at {delivery.NextAttemptAt:T}");
        }
        await recording;
        TestContext.Out.WriteLine($"{reads} reads during {attempts} recorded attempts");
        Assert.That(inconsistent, Is.Empty);
    }
}
