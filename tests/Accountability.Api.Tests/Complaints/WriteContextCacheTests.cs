using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Rules;
using Accountability.Api.Tests.Webhooks;

namespace Accountability.Api.Tests.Complaints;

/// <summary>
/// Two more nodes on one schema cache the tenants' parties, policy and webhook endpoints: a change made through the first
/// reaches the next write on either, the listening one and the one that hears no notification at all.
/// </summary>
[Category("api")]
public sealed class WriteContextCacheTests
{
    private IsolatedNode changes = null!;
    private IsolatedNode listening = null!;
    private IsolatedNode deaf = null!;

    [OneTimeSetUp]
    public void StartNodes()
    {
        changes = IsolatedNode.Start();
        listening = IsolatedNode.Start(schema: changes.Schema);
        deaf = IsolatedNode.Start(schema: changes.Schema, services: s => s.Remove(s.Single(d => d.ImplementationType == typeof(WriteContextNotifications))));
    }

    [OneTimeTearDown]
    public async Task StopNodes()
    {
        await deaf.DisposeAsync();
        await listening.DisposeAsync();
        await changes.DisposeAsync();
    }

    private IEnumerable<IsolatedNode> Writers => [listening, deaf];

    [Test]
    public async Task A_party_registered_through_one_node_is_known_to_the_next_filing_on_another()
    {
        var market = await changes.CreateMarketplaceAsync();
        foreach (var node in Writers)
            await FileAsync(market, node, "acme");

        await market.Operator.PostJsonAsync<object>("/api/parties", new { id = "newco", displayName = "NewCo" }, 201);

        foreach (var node in Writers)
            Assert.That((await FileAsync(market, node, "newco")).Vendor.Id, Is.EqualTo("newco"), node == deaf ? "without notifications" : "listening");
    }

    [Test]
    public async Task A_policy_replaced_through_one_node_judges_the_next_write_on_another()
    {
        var market = await changes.CreateMarketplaceAsync();
        var held = new Dictionary<IsolatedNode, ComplaintView>();
        foreach (var node in Writers)
            held[node] = await On(node, market.Operator).PostJsonAsync<ComplaintView>($"/api/complaints/{(await FileAsync(market, node, "acme")).Id}/handoffs",
                new { to = "acme", reason = "NeedsVendorFix" });

        var policy = PolicyJson.Editable();
        policy["customerDeflection"]!["enabled"] = false;
        using (var replaced = await market.Operator.SendPutAsync(policy))
            await replaced.ShouldBeAsync<object>(200);

        foreach (var node in Writers)
        {
            var after = await On(node, market.Acme).PostJsonAsync<ComplaintView>($"/api/complaints/{held[node].Id}/customer-redirections", new { redirectedTo = "store" });
            Assert.That(after.Flags, Is.Empty, node == deaf ? "without notifications" : "listening");
        }
    }

    [Test]
    public async Task A_webhook_endpoint_registered_or_paused_through_one_node_counts_from_the_next_write_on_another()
    {
        await using var receiver = await Receiver.StartAsync();
        var market = await changes.CreateMarketplaceAsync();
        var types = new[] { WebhookEventTypes.Assigned };
        foreach (var node in Writers)
            await HandToAcmeAsync(market, node);

        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = types }, 201);
        var whileEnabled = new List<Guid>();
        foreach (var node in Writers)
            whileEnabled.Add(await HandToAcmeAsync(market, node));
        using (var paused = await market.Acme.PutAsync($"/api/webhooks/{hook.Endpoint.Id}", new { url = receiver.Url, eventTypes = types, enabled = false }))
            await paused.ShouldBeAsync<object>(200);
        foreach (var node in Writers)
            await HandToAcmeAsync(market, node);

        var deliveries = await market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries");
        Assert.That(deliveries.Select(d => d.ComplaintId), Is.EquivalentTo(whileEnabled));
    }

    [Test]
    public async Task One_tenants_cached_parties_never_serve_another_tenant()
    {
        var first = await changes.CreateMarketplaceAsync();
        var second = await changes.CreateMarketplaceAsync();
        foreach (var node in Writers)
        {
            await FileAsync(first, node, "acme");
            await FileAsync(second, node, "acme");
        }

        await first.Operator.PostJsonAsync<object>("/api/parties", new { id = "newco", displayName = "NewCo" }, 201);

        foreach (var node in Writers)
        {
            await FileAsync(first, node, "newco");
            using var refused = await On(node, second.Operator).PostAsync("/api/complaints", Complaint("newco"));
            await refused.ShouldBeProblemAsync(422, "unknown-party");
        }
    }

    private static ApiClient On(IsolatedNode node, ApiClient client) => Marketplace.Client(client.Key!, node.Http);

    private static Task<ComplaintView> FileAsync(Marketplace market, IsolatedNode node, string vendor) =>
        On(node, market.Operator).PostJsonAsync<ComplaintView>("/api/complaints", Complaint(vendor), 201);

    private static async Task<Guid> HandToAcmeAsync(Marketplace market, IsolatedNode node)
    {
        var filed = await FileAsync(market, node, "acme");
        await On(node, market.Operator).PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        return filed.Id;
    }

    private static object Complaint(string vendor) => new
    {
        customerReference = "cust-1", product = "Photo Pro", vendorId = vendor, category = "crash", description = "Crashes on start", channel = "App",
    };
}
