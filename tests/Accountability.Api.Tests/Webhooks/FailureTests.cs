using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>How the sender treats a receiver that is slow, busy, down or gone.</summary>
[Category("api")]
public sealed class FailureTests
{
    [Test]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.AnswerNext(429, retryAfter: "2");
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        await market.FileHeldByAsync("acme");
        var both = await receiver.WaitForAsync(2);
        Assert.That(both.Select(r => r.AnsweredWith), Is.EqualTo(new[] { 429, 200 }));
        Assert.That(both[1].At - both[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)));
    }

    [Test]
    public async Task A_receiver_that_times_out_is_retried_and_its_attempt_says_so()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.AnswerNext(200, delay: TimeSpan.FromSeconds(3));
        // The clock stands still, so the retry falls due only when the test moves it on, however slow the machine.
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runWebhooks: true, clock: clock,
            services: s => s.PostConfigure<WebhookOptions>(o => o.WebhookTimeoutSeconds = 1));
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        await market.FileHeldByAsync("acme");
        var first = await WaitForAttemptsAsync(market, hook.Endpoint.Id, 1);
        Assert.That((first.Status, first.Attempts[0].StatusCode, first.Attempts[0].Error), Is.EqualTo((DeliveryStatus.Pending, (int?)null, "Timed out.")));
        Assert.That(first.NextAttemptAt, Is.GreaterThan(clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromSeconds(10));
        await receiver.WaitForAsync(2);
    }

    [Test]
    public async Task A_receiver_that_is_down_is_retried_for_about_two_days_then_dead_lettered_and_the_endpoint_disabled()
    {
        // A schema of its own: with its clock two days ahead, a node on the shared schema would make every other
        // test's pending deliveries due as well, and send them all before this one.
        var clock = new ShiftableClock();
        var schema = $"hooks_{Guid.NewGuid():N}"[..20];
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, runWebhooks: true, clock,
            new Dictionary<string, string> { ["Accountability:Schema"] = schema });
        using var http = new HttpClient { BaseAddress = address };
        try
        {
            var market = await Marketplace.CreateAsync(http);
            var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = "http://127.0.0.1:1/closed", eventTypes = new[] { "complaint.assigned" } }, 201);

            await market.FileHeldByAsync("acme");
            DeliveryView delivery;
            var started = clock.GetUtcNow();
            for (var attempts = 1; ; attempts++)
            {
                delivery = await WaitForAttemptsAsync(market, hook.Endpoint.Id, attempts);
                if (delivery.Status == DeliveryStatus.DeadLetter)
                    break;
                clock.Advance(delivery.NextAttemptAt!.Value - clock.GetUtcNow() + TimeSpan.FromSeconds(1));
            }

            Assert.That(delivery.Attempts, Has.Count.EqualTo(Accountability.Domain.Webhooks.DeliveryPolicy.Schedule.Count + 1));
            Assert.That(delivery.Attempts[0].Error, Does.Contain("refused").IgnoreCase);
            Assert.That(clock.GetUtcNow() - started, Is.GreaterThan(TimeSpan.FromDays(1)));
            Assert.That((await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Single().Enabled, Is.True);

            // Still failing past WebhookDisableAfterHours (72) since the first failure: the next failure disables it.
            clock.Advance(TimeSpan.FromHours(80));
            await market.FileHeldByAsync("acme");
            WebhookEndpointView endpoint;
            var tries = 0;
            do
            {
                await Task.Delay(100);
                endpoint = (await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Single();
            }
            while (endpoint.Enabled && ++tries < 100);
            Assert.That(endpoint.Enabled, Is.False);
            Assert.That(endpoint.DisabledReason, Does.StartWith("Failing since"));
        }
        finally
        {
            await node.DisposeAsync();
            await ServiceUnderTest.DropSchemaAsync(schema);
        }
    }

    private static async Task<DeliveryView> WaitForAttemptsAsync(Marketplace market, string endpointId, int attempts)
    {
        // Generous: on a loaded 2-core machine a record that failed waits out its claim (the timeout plus 10 s) before a retry.
        for (var i = 0; i < 300; i++)
        {
            var log = await market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{endpointId}/deliveries");
            if (log.FirstOrDefault(d => d.Attempts.Count >= attempts) is { } found)
                return found;
            await Task.Delay(100);
        }
        Assert.Fail($"No delivery reached {attempts} attempts");
        return null!;
    }
}
