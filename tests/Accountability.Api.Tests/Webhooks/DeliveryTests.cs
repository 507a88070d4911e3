using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>Deliveries to a real receiver over loopback, sent by a service node whose dispatcher runs.</summary>
[Category("api")]
public sealed class DeliveryTests
{
    [Test]
    public async Task A_vendor_is_told_it_was_handed_a_complaint_with_a_signature_it_can_verify()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        var held = await market.FileHeldByAsync("acme");
        var received = (await receiver.WaitForAsync(1)).Single();

        Assert.That(received.Id, Does.StartWith("msg_"));
        Assert.That(long.Parse(received.Timestamp), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(30));
        using (var hmac = new HMACSHA256(Convert.FromBase64String(hook.Secret!["whsec_".Length..])))
        {
            var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{received.Id}.{received.Timestamp}.{received.Body}")));
            Assert.That(received.Signature.Split(' '), Does.Contain(expected));
        }
        using var payload = JsonDocument.Parse(received.Body);
        var root = payload.RootElement;
        Assert.That(root.GetProperty("type").GetString(), Is.EqualTo("complaint.assigned"));
        Assert.That(root.GetProperty("complaintId").GetGuid(), Is.EqualTo(held.Id));
        Assert.That(root.GetProperty("tenant").GetString(), Is.EqualTo(market.Id));
        Assert.That(root.GetProperty("complaint").GetProperty("holder").GetString(), Is.EqualTo("acme"));
        Assert.That(root.GetProperty("link").GetString(), Is.EqualTo($"/api/complaints/{held.Id}"));
        MatchesCommittedSchema(root);

        var log = await WaitForStatusAsync(market, hook.Endpoint.Id, DeliveryStatus.Delivered);
        Assert.That(log.Attempts.Single().StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_failed_delivery_is_retried_with_the_same_id_and_later_events_wait_their_turn()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.AnswerNext(500);
        // The clock stands still, so the failed assignment's retry falls due only when the test moves it on.
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runWebhooks: true, clock: clock);
        var market = await node.CreateMarketplaceAsync();
        var types = new[] { "complaint.assigned", "complaint.flagged", "complaint.escalated" };
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = types }, 201);

        var held = await market.FileHeldByAsync("acme");
        await receiver.WaitForAsync(1);
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/customer-redirections", new { redirectedTo = "store" });
        await Eventually.UntilAsync(() => market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries"),
            log => log.Count == 3 && log.Any(d => d.Attempts.Count == 1), "the flag and the escalation queued, the failed attempt recorded");
        await node.RunDispatcherPassAsync();
        Assert.That(receiver.Requests, Has.Count.EqualTo(1), "the flag and the escalation wait behind the failed assignment");

        clock.Advance(TimeSpan.FromSeconds(10));
        var all = await receiver.WaitForAsync(4);

        Assert.That(all.Select(r => (Type(r), r.AnsweredWith)), Is.EqualTo(new[]
        {
            ("complaint.assigned", 500), ("complaint.assigned", 200), ("complaint.flagged", 200), ("complaint.escalated", 200),
        }));
        Assert.That(all[1].Id, Is.EqualTo(all[0].Id), "a retry carries the same webhook-id");
        var log = await market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries");
        Assert.That(log.Single(d => d.Id == all[0].Id).Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { 500, 200 }));
    }

    [Test]
    public async Task A_410_disables_the_endpoint_and_says_why_and_a_dead_letter_can_be_redelivered()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.AnswerNext(410);
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        await market.FileHeldByAsync("acme");
        var dead = await WaitForStatusAsync(market, hook.Endpoint.Id, DeliveryStatus.DeadLetter);
        var endpoint = (await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Single();
        Assert.That(endpoint.Enabled, Is.False);
        Assert.That(endpoint.DisabledReason, Does.Contain("410 Gone"));

        await market.Acme.PutAsync($"/api/webhooks/{hook.Endpoint.Id}", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" }, enabled = true });
        await market.Acme.PostJsonAsync<DeliveryView>($"/api/webhooks/{hook.Endpoint.Id}/deliveries/{dead.Id}/redelivery", null);
        var both = await receiver.WaitForAsync(2);
        Assert.That(both.Select(r => (r.Id, r.AnsweredWith)), Is.EqualTo(new[] { (dead.Id, 410), (dead.Id, 200) }));
    }

    [Test]
    public async Task A_holder_is_warned_before_each_of_its_deadlines()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runScheduler: true, runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        var policy = PolicyJson.WithDeadlines(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), escalates: false);
        using (var put = await market.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));
        await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.deadline_approaching" } }, 201);

        await market.FileHeldByAsync("acme");
        var warnings = await receiver.WaitForAsync(2);

        var deadlines = warnings.Select(w => JsonDocument.Parse(w.Body).RootElement)
            .Select(p => (p.GetProperty("type").GetString(), p.GetProperty("data").GetProperty("deadline").GetString())).ToList();
        Assert.That(deadlines, Is.EquivalentTo(new[] { ("complaint.deadline_approaching", "FirstResponse"), ("complaint.deadline_approaching", "Resolution") }));
        MatchesCommittedSchema(JsonDocument.Parse(warnings[0].Body).RootElement);
    }

    [Test]
    public async Task The_holder_is_told_when_the_customer_answers_on_the_status_page()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.customer_responded" } }, 201);

        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", StatusPage.StatusPageTests.Complaint(), 201);
        var (customer, id) = (new StatusPage.Customer(filed.TrackingLink!, node.Http.BaseAddress), filed.Id);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/information-requests", new { question = "Which version?" });
        using (var answered = await customer.SendAsync("answer", new() { ["answer"] = "2.1" }))
            Assert.That((int)answered.StatusCode, Is.EqualTo(303));

        var payload = JsonDocument.Parse((await receiver.WaitForAsync(1)).Single().Body).RootElement;
        Assert.That((payload.GetProperty("type").GetString(), payload.GetProperty("event").GetString()),
            Is.EqualTo(("complaint.customer_responded", "InformationProvided")));
        Assert.That(payload.GetProperty("data").GetProperty("by").GetString(), Is.EqualTo("customer"));
        MatchesCommittedSchema(payload);
    }

    [Test]
    public async Task A_cancelled_complaint_is_a_closure_to_its_holders_endpoint_and_names_the_cancellation()
    {
        await using var receiver = await Receiver.StartAsync();
        var market = await Marketplace.CreateAsync();
        await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.closed" } }, 201);
        var (node, _) = ServiceUnderTest.StartHost(runScheduler: false, runWebhooks: true);
        await using var _ = node;

        var held = await market.FileHeldByAsync("acme");
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/cancellation", new { reason = "Withdrawn" });
        using var body = JsonDocument.Parse((await receiver.WaitForAsync(1)).Single().Body);
        var payload = body.RootElement;

        Assert.That((payload.GetProperty("type").GetString(), payload.GetProperty("event").GetString(), payload.GetProperty("complaint").GetProperty("status").GetString()),
            Is.EqualTo(("complaint.closed", "ComplaintCancelled", "Cancelled")));
        MatchesCommittedSchema(payload);
    }

    /// <summary>The body has every property openapi/webhook-payload.schema.json requires, and values its enums allow.</summary>
    private static void MatchesCommittedSchema(JsonElement payload)
    {
        var path = Path.Combine(OpenApi.OpenApiDocumentTests.RepositoryRoot(), "openapi", "webhook-payload.schema.json");
        using var schema = JsonDocument.Parse(File.ReadAllText(path));
        var properties = schema.RootElement.GetProperty("properties");
        foreach (var required in schema.RootElement.GetProperty("required").EnumerateArray().Select(r => r.GetString()!))
            Assert.That(payload.TryGetProperty(required, out _), Is.True, $"payload lacks '{required}'");
        foreach (var name in new[] { "type", "event" })
            Assert.That(properties.GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.GetString()),
                Does.Contain(payload.GetProperty(name).GetString()));
        foreach (var required in properties.GetProperty("complaint").GetProperty("required").EnumerateArray().Select(r => r.GetString()!))
            Assert.That(payload.GetProperty("complaint").TryGetProperty(required, out _), Is.True, $"complaint lacks '{required}'");
        Assert.That(properties.GetProperty("complaint").GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()),
            Does.Contain(payload.GetProperty("complaint").GetProperty("status").GetString()));
    }

    private static string Type(Receiver.Received r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!;

    private static async Task<DeliveryView> WaitForStatusAsync(Marketplace market, string endpointId, DeliveryStatus status) =>
        (await Eventually.UntilAsync(() => market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{endpointId}/deliveries"),
            log => log.Any(d => d.Status == status), $"a delivery in {status}")).First(d => d.Status == status);
}
