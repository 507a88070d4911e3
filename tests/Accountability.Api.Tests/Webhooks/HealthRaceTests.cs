using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using MediatR;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>The dispatcher's write of an endpoint's health against an owner's edit made at the same time: neither overwrites the other.</summary>
[Category("api")]
public sealed class HealthRaceTests
{
    [Test]
    public async Task An_owner_who_pauses_an_endpoint_while_a_request_is_in_flight_finds_it_still_paused_after_that_request_fails()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.AnswerNext(200, delay: TimeSpan.FromSeconds(2)); // past the node's 1 s timeout: the attempt fails
        await using var node = IsolatedNode.Start(runWebhooks: true, clock: new ShiftableClock(standsStill: true));
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        await market.FileHeldByAsync("acme");
        await receiver.WaitForAsync(1);
        using (var paused = await market.Acme.PutAsync($"/api/webhooks/{hook.Endpoint.Id}", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" }, enabled = false }))
            await paused.ShouldBeAsync<WebhookEndpointView>(200);
        await Eventually.UntilAsync(() => market.Acme.GetJsonAsync<List<Features.Webhooks.Deliveries.DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries"),
            log => log.Single().Attempts.Count == 1, "the failed attempt recorded");

        var endpoint = (await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Single();
        Assert.That((endpoint.Enabled, endpoint.DisabledReason), Is.EqualTo((false, "Paused by its owner.")));
    }

    /// <summary>
    /// The owner's edit reads the endpoint, the dispatcher records a failure, then the edit saves: the failure's
    /// "failing since" survives the edit, which changes only the owner's fields.
    /// </summary>
    [TestCase("pause")]
    [TestCase("rotation")]
    public async Task A_failure_recorded_while_an_owners_edit_is_between_its_read_and_its_save_survives_the_edit(string edit)
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.AnswerNext(500);
        var held = new HeldEdit();
        await using var node = IsolatedNode.Start(runWebhooks: true, clock: new ShiftableClock(standsStill: true),
            services: s => s.AddSingleton(held).AddScoped(typeof(IPipelineBehavior<,>), typeof(HoldingEdits<,>)));
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        var editing = edit == "pause"
            ? market.Acme.PutAsync($"/api/webhooks/{hook.Endpoint.Id}", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" }, enabled = false })
            : market.Acme.PostAsync($"/api/webhooks/{hook.Endpoint.Id}/secret-rotation");
        await held.Read.Task.WaitAsync(Eventually.Patience);
        await market.FileHeldByAsync("acme");
        var failing = await Eventually.UntilAsync(async () => (await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Single(),
            e => e.FailingSince is not null, "the failure recorded");
        held.Save.SetResult();
        using (var answer = await editing)
            Assert.That((int)answer.StatusCode, Is.EqualTo(200), await answer.Content.ReadAsStringAsync());

        var endpoint = (await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Single();
        Assert.That(endpoint.FailingSince, Is.EqualTo(failing.FailingSince), "failing since, as the dispatcher recorded it");
        Assert.That((endpoint.Enabled, endpoint.DisabledReason), Is.EqualTo(edit == "pause" ? (false, "Paused by its owner.") : (true, (string?)null)));
    }

    /// <summary>Where the owner's edit waits, between its read and its save.</summary>
    public sealed class HeldEdit
    {
        public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Save { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Registered after the transaction behaviour, so it runs inside it: after the handler read, before the save.</summary>
    public sealed class HoldingEdits<TRequest, TResponse>(HeldEdit held) : IPipelineBehavior<TRequest, TResponse>
    {
        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            var response = await next();
            if (request is Features.Webhooks.Update.Command or Features.Webhooks.RotateSecret.Command)
            {
                held.Read.TrySetResult();
                await held.Save.Task;
            }
            return response;
        }
    }
}
