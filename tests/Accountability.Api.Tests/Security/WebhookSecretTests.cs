using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Security;

/// <summary>A webhook secret is in the answer that creates it, and in no other: not a read, an update, a log or a replay.</summary>
[Category("api")]
public sealed class WebhookSecretTests
{
    [Test]
    public async Task A_secret_is_shown_by_its_creation_or_rotation_only()
    {
        var market = await Marketplace.CreateAsync();
        var creation = $"hook-{Guid.NewGuid()}";
        object registration = new { url = "http://127.0.0.1:9/acme", eventTypes = new[] { "complaint.assigned" } };
        var created = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", registration, 201, h => h.Add("Idempotency-Key", creation));
        var hook = $"/api/webhooks/{created.Endpoint.Id}";
        Assert.That(created.Secret, Does.StartWith("whsec_"));
        await market.FileHeldByAsync("acme");
        var rotation = $"rotate-{Guid.NewGuid()}";
        var rotated = await market.Acme.PostJsonAsync<EndpointWithSecret>($"{hook}/secret-rotation", null, 200, h => h.Add("Idempotency-Key", rotation));
        Assert.That(rotated.Secret, Does.StartWith("whsec_").And.Not.EqualTo(created.Secret));
        var delivery = (await market.Acme.GetJsonAsync<List<DeliveryView>>($"{hook}/deliveries")).Single().Id;

        var answers = new List<HttpResponseMessage>
        {
            await market.Acme.PostAsync("/api/webhooks", registration, h => h.Add("Idempotency-Key", creation)),
            await market.Acme.PostAsync($"{hook}/secret-rotation", null, h => h.Add("Idempotency-Key", rotation)),
            await market.Acme.GetAsync("/api/webhooks"),
            await market.Operator.GetAsync("/api/webhooks"),
            await market.Acme.PutAsync(hook, new { url = "http://127.0.0.1:9/moved", eventTypes = new[] { "complaint.closed" }, enabled = true }),
            await market.Acme.GetAsync($"{hook}/deliveries"),
            await market.Operator.PostAsync($"{hook}/deliveries/{delivery}/redelivery"),
            await market.Acme.DeleteAsync(hook),
        };

        Assert.That(answers[0].Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That(answers[1].Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        foreach (var answer in answers)
        {
            using (answer)
            {
                var body = await answer.Content.ReadAsStringAsync();
                Assert.That((int)answer.StatusCode, Is.InRange(200, 204), $"{answer.RequestMessage!.Method} {answer.RequestMessage.RequestUri}: {body}");
                Assert.That(body, Does.Not.Contain("whsec_").And.Not.Contain(created.Secret![6..]).And.Not.Contain(rotated.Secret![6..]),
                    $"{answer.RequestMessage.Method} {answer.RequestMessage.RequestUri}");
            }
        }
    }
}
