using System.Text.Json;
using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.StatusPage;
using Accountability.Api.Tests.Webhooks;
using WebhookVerifier = Accountability.Client.WebhookVerifier;
using Npgsql;

namespace Accountability.Api.Tests.Operations;

/// <summary>
/// The spike of a database per group of tenants (decision 0049): one node on a master and two group databases of the
/// test cluster, a marketplace in each group, each with its writes, deadlines, webhooks and scorecards.
/// </summary>
[Category("slow")]
public sealed class TenantDatabaseTests
{
    [Test]
    public async Task Two_marketplaces_in_two_group_databases_each_keep_their_rows_in_their_own()
    {
        var run = $"{Guid.NewGuid():N}"[..8];
        await using var groupOne = await GroupDatabase.CreateAsync($"acct_{run}_group1");
        await using var groupTwo = await GroupDatabase.CreateAsync($"acct_{run}_group2");
        var (idA, idB) = (Marketplace.NewId(), Marketplace.NewId());
        var groups = new Dictionary<string, string>
        {
            ["Accountability:TenantDatabases:0:Name"] = "group-1",
            ["Accountability:TenantDatabases:0:ConnectionString"] = groupOne.ConnectionString,
            ["Accountability:TenantDatabases:0:Tenants:0"] = idA,
            ["Accountability:TenantDatabases:1:Name"] = "group-2",
            ["Accountability:TenantDatabases:1:ConnectionString"] = groupTwo.ConnectionString,
            ["Accountability:TenantDatabases:1:Tenants:0"] = idB,
        };
        await using var schema = new OwnSchema();
        var variables = groups.ToDictionary(g => g.Key.Replace(":", "__"), g => (string?)g.Value);
        variables["Accountability__Schema"] = schema.Name;
        var stale = await CommandLineRun.RunAsync(variables, "db", "assert");
        Assert.That(stale.ExitCode, Is.EqualTo(1), stale.Output + stale.Error);
        Assert.That(stale.Output, Does.Contain("(master)").And.Contain("(group-1)").And.Contain("(group-2)"), "db assert compares every database");
        var apply = await CommandLineRun.RunAsync(variables, "db", "apply");
        Assert.That(apply.ExitCode, Is.Zero, apply.Error);

        var settings = new Dictionary<string, string>(groups)
        {
            ["Accountability:ApplySchemaOnStartup"] = "false",
            ["Accountability:RunProjectionDaemon"] = "true",
            ["Accountability:ProjectionLeaderPollSeconds"] = "0.5",
        };
        await using var node = IsolatedNode.Start(runScheduler: true, runWebhooks: true, settings: settings, schema: schema.Name);
        using (var ready = await node.Http.GetAsync("/health/ready"))
            Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync());
        await using var receiverA = await Receiver.StartAsync();
        await using var receiverB = await Receiver.StartAsync();

        using (var unlisted = await new ApiClient(ApiKeyAuthenticationHandler.AdminHeader, ServiceUnderTest.AdminKey, node.Http).PostAsync("/api/admin/tenants", new { id = Marketplace.NewId(), name = "Nowhere" }))
            Assert.That((await unlisted.ShouldBeProblemAsync(400, "validation")).Detail, Does.Contain("Accountability:TenantDatabases"));
        var (a, heldA, hookA) = await FileAndHandOffAsync(node, idA, receiverA);
        var (b, heldB, hookB) = await FileAndHandOffAsync(node, idB, receiverB);

        foreach (var (market, held, hook, receiver) in new[] { (a, heldA, hookA, receiverA), (b, heldB, hookB, receiverB) })
        {
            var received = await receiver.WaitForAsync(3);
            Assert.That(received.Select(Type), Is.EquivalentTo(new[] { "complaint.assigned", "complaint.deadline_approaching", "complaint.deadline_approaching" }),
                "the handoff's delivery and the scheduler's two warnings");
            Assert.That(received.All(r => new WebhookVerifier(hook.Secret!).IsValid(r.Body, r.Id, r.Timestamp, r.Signature)), "every delivery verifies with its endpoint's secret");
            Assert.That(received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("tenant").GetString()).Distinct(), Is.EqualTo(new[] { market.Id }));
            await Eventually.UntilAsync(() => market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries"),
                log => log.Count == 3 && log.All(d => d.Status == DeliveryStatus.Delivered), "the deliveries recorded as delivered");
            var scorecard = await Eventually.UntilAsync(() => market.Operator.GetJsonAsync<PartyScorecards>("/api/scorecards/parties?party=acme"),
                s => s.Parties.SingleOrDefault() is { ComplaintsReceived: 1 }, "the daemon has projected the handoff");
            Assert.That(scorecard.Parties.Single().HeldNow, Is.EqualTo(1));
        }

        var keys = await b.Operator.GetJsonAsync<List<ApiKeyView>>("/api/api-keys");
        Assert.That(keys.Select(k => k.PartyId), Is.EquivalentTo(new[] { "store", "acme", "photon" }), "the key list, read in the master");
        using (var revoke = await b.Operator.DeleteAsync($"/api/api-keys/{keys.Single(k => k.PartyId == "photon").Id}"))
            Assert.That((int)revoke.StatusCode, Is.EqualTo(200), await revoke.Content.ReadAsStringAsync());
        using (var revoked = await b.Photon.GetAsync("/api/complaints"))
            Assert.That((int)revoked.StatusCode, Is.EqualTo(401), "a key revoked in the master stops working");
        using (var across = await a.Operator.GetAsync($"/api/complaints/{heldB}"))
            await across.ShouldBeProblemAsync(404, "not-found");
        using (var back = await b.Acme.GetAsync($"/api/complaints/{heldA}"))
            await back.ShouldBeProblemAsync(404, "not-found");

        foreach (var (group, id) in new[] { (groupOne, idA), (groupTwo, idB) })
        {
            foreach (var table in new[] { "mt_events", "mt_streams", "mt_doc_complaint", "mt_doc_party", "webhook_deliveries", "complaint_deadlines", "scorecard_facts" })
                Assert.That(await group.TenantsInAsync($"{schema.Name}.{table}"), Is.EqualTo(new[] { id }), $"{table} of {group.Name}");
            Assert.That(await group.CountAsync($"select count(*) from {schema.Name}.mt_doc_apikey"), Is.Zero, $"no key in {group.Name}");
            Assert.That(await group.CountAsync($"select count(*) from {schema.Name}.mt_doc_tenant"), Is.Zero, $"no registry row in {group.Name}");
        }
        await using var master = new GroupDatabase("master", ServiceUnderTest.ConnectionString, drop: false);
        Assert.That(await master.CountAsync($"select count(*) from {schema.Name}.mt_events"), Is.Zero, "no event in the master");
        Assert.That(await master.CountAsync($"select count(*) from {schema.Name}.webhook_deliveries"), Is.Zero, "no delivery in the master");
        Assert.That(await master.CountAsync($"select count(*) from {schema.Name}.mt_doc_tenant where id in ('{idA}', '{idB}')"), Is.EqualTo(2));
        Assert.That(await master.CountAsync($"select count(*) from {schema.Name}.mt_doc_apikey where data->>'tenantId' in ('{idA}', '{idB}')"),
            Is.EqualTo(6), "each marketplace's operator, Acme and Photon keys");
    }

    /// <summary>A marketplace with a deadline policy of seconds and Acme's endpoint; one complaint filed, handed to Acme.</summary>
    private static async Task<(Marketplace, Guid Held, EndpointWithSecret Hook)> FileAndHandOffAsync(IsolatedNode node, string id, Receiver receiver)
    {
        var market = await Marketplace.CreateAsync(node.Http, id);
        using (var put = await market.Operator.PutAsync("/api/policy", PolicyJson.WithDeadlines(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), escalates: false)))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));
        var types = new[] { "complaint.assigned", "complaint.deadline_approaching" };
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = types }, 201);
        var filed = await market.FileAsync("acme");
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        Assert.That(await new Customer(filed.TrackingLink!, node.Http.BaseAddress).ReadAsync(), Does.Contain("Acme Apps"),
            "the status page, found by its token alone");
        return (market, filed.Id, hook);
    }

    private static string Type(Receiver.Received r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!;

    /// <summary>A database of the test cluster made for this run, dropped with whatever is still connected to it.</summary>
    private sealed class GroupDatabase(string name, string connectionString, bool drop = true) : IAsyncDisposable
    {
        public string Name { get; } = name;

        public string ConnectionString { get; } = connectionString;

        public static async Task<GroupDatabase> CreateAsync(string name)
        {
            await using (var master = new NpgsqlConnection(ServiceUnderTest.ConnectionString))
            {
                await master.OpenAsync();
                await using var create = new NpgsqlCommand($"create database {name}", master);
                await create.ExecuteNonQueryAsync();
            }
            var connection = new NpgsqlConnectionStringBuilder(ServiceUnderTest.ConnectionString) { Database = name, Pooling = false };
            return new GroupDatabase(name, connection.ConnectionString);
        }

        public async Task<string[]> TenantsInAsync(string table)
        {
            var tenants = new List<string>();
            await using var connection = await OpenAsync();
            await using var command = new NpgsqlCommand($"select distinct tenant_id from {table} order by 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tenants.Add(reader.GetString(0));
            return [.. tenants];
        }

        public async Task<long> CountAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            if (!drop)
                return;
            await using var master = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
            await master.OpenAsync();
            await using var command = new NpgsqlCommand($"drop database if exists {Name} with (force)", master);
            await command.ExecuteNonQueryAsync();
        }

        private async Task<NpgsqlConnection> OpenAsync()
        {
            var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            return connection;
        }
    }
}
