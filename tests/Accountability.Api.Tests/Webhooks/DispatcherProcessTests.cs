using System.Text.Json;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Npgsql;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>
/// Three processes of the service dispatch one outbox while complaints pass between two vendors: per complaint and
/// endpoint, every delivery arrives once, in the order of the complaint's stream.
/// </summary>
[Category("faults")]
public sealed class DispatcherProcessTests
{
    private const int Complaints = 12;
    private const int Handoffs = 4; // after the first to acme: to the store, photon, the store and acme

    [Test]
    public async Task Three_dispatcher_processes_deliver_each_complaints_webhooks_once_and_in_order()
    {
        var receivers = new Dictionary<string, Receiver> { ["acme"] = await Receiver.StartAsync(), ["photon"] = await Receiver.StartAsync() };
        await using var api = IsolatedNode.Start();
        var market = await api.CreateMarketplaceAsync();
        foreach (var (vendor, receiver) in receivers)
        {
            // A little latency keeps several deliveries in flight across the processes.
            for (var i = 0; i < Complaints * Handoffs; i++)
                receiver.AnswerNext(200, delay: TimeSpan.FromMilliseconds(20));
            await (vendor == "acme" ? market.Acme : market.Photon).PostJsonAsync<EndpointWithSecret>("/api/webhooks",
                new { url = receiver.Url, eventTypes = WebhookEventTypes.All }, 201);
        }
        var dispatchers = Enumerable.Range(0, 3).Select(_ => StartDispatcher(api.Schema)).ToList();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Complaints).Select(_ => PassAroundAsync(market)));
            var outbox = await Eventually.UntilAsync(() => OutboxAsync(api.Schema, market.Id),
                rows => rows.Count > 0 && rows.All(r => r.Status == nameof(DeliveryStatus.Delivered)), "every delivery delivered", TimeSpan.FromSeconds(60));

            foreach (var (vendor, receiver) in receivers)
            {
                var received = receiver.Requests.ToList();
                var sent = outbox.Where(r => r.Party == vendor).ToList();
                Assert.That(received.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, $"{vendor}: a delivery sent twice");
                Assert.That(received.Select(r => r.Id), Is.EquivalentTo(sent.Select(r => r.Id)), $"{vendor}: every delivery, and nothing else");
                foreach (var complaint in sent.GroupBy(r => r.Complaint))
                {
                    var arrived = received.Where(r => ComplaintOf(r) == complaint.Key).Select(r => r.Id);
                    Assert.That(arrived, Is.EqualTo(complaint.OrderBy(r => r.Seq).Select(r => r.Id)), $"{vendor}: complaint {complaint.Key} in order");
                }
            }
            Assert.That(outbox.Select(r => r.Complaint).Distinct().Count(), Is.EqualTo(Complaints));
            Assert.That(dispatchers.Where(d => d.Process.HasExited).Select(d => $"exit {d.Process.ExitCode}: {d.Error} {d.Output}"), Is.Empty, "every dispatcher runs on");
        }
        finally
        {
            foreach (var dispatcher in dispatchers)
                dispatcher.Dispose();
            foreach (var receiver in receivers.Values)
                await receiver.DisposeAsync();
        }
    }

    /// <summary>
    /// Files a complaint and passes it between the store and the vendors, each time by its holder, until a rule takes it
    /// over (what goes out is read from the outbox, so the story's length does not matter).
    /// </summary>
    private static async Task PassAroundAsync(Marketplace market)
    {
        var complaint = await market.FileHeldByAsync("acme");
        var parties = new Dictionary<string, ApiClient> { ["store"] = market.Operator, ["acme"] = market.Acme, ["photon"] = market.Photon };
        foreach (var to in new[] { "store", "photon", "store", "acme" }.Take(Handoffs))
        {
            using var answer = await parties[complaint.Holder.Id].PostAsync($"/api/complaints/{complaint.Id}/handoffs",
                new { to, reason = to == "store" ? "NeedsStoreAction" : "NeedsVendorFix", note = "Yours", evidence = new[] { "log-1" } });
            if (answer.StatusCode == System.Net.HttpStatusCode.Conflict)
                return;
            complaint = await answer.ShouldBeAsync<Features.Complaints.ComplaintView>(200);
        }
    }

    private static Guid ComplaintOf(Receiver.Received request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("complaintId").GetGuid();

    private static async Task<List<(string Id, string Party, Guid Complaint, long Seq, string Status)>> OutboxAsync(string schema, string tenant)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"select id, party_id, complaint_id, seq, status from {schema}.webhook_deliveries where tenant_id = $1", connection)
        {
            Parameters = { new() { Value = tenant } },
        };
        var rows = new List<(string, string, Guid, long, string)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4)));
        return rows;
    }

    private static ServiceProcess StartDispatcher(string schema) => ServiceProcess.Start(new Dictionary<string, string?>
    {
        ["Accountability__Schema"] = schema,
        ["Accountability__RunScheduler"] = "false",
        ["Accountability__RunProjectionDaemon"] = "false",
        ["Accountability__RunWebhooks"] = "true",
        ["Accountability__WebhookPollSeconds"] = "0.1",
        ["Accountability__WebhookAllowedPrivateHosts__0"] = "127.0.0.1",
        ["Logging__LogLevel__Default"] = "Warning",
    }, "--urls", ServiceProcess.AnyLoopbackPort);
}
