using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;
using Npgsql;

namespace Accountability.Api.Tests.Security;

/// <summary>
/// A marketplace with one of everything: a complaint only acme has held (flagged, with a tracking link), acme's webhook
/// endpoint with a delivery, keys, a party of its own and a problem linking the complaint; and a fingerprint of every row the tenant owns.
/// </summary>
public sealed record SeededMarketplace(Marketplace Market, Guid Complaint, string Product, string TrackingPath, string Webhook, string Delivery, string AcmeKey, string OwnParty, Guid Problem)
{
    public static async Task<SeededMarketplace> CreateAsync()
    {
        var market = await Marketplace.CreateAsync();
        var ownParty = $"only-{market.Id}";
        await market.Operator.PostJsonAsync<object>("/api/parties", new { id = ownParty, displayName = $"Party {market.Id}" }, 201);
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>(
            "/api/webhooks", new { url = "http://127.0.0.1:9/acme", eventTypes = new[] { "complaint.assigned", "complaint.flagged" } }, 201);
        var product = $"Product {market.Id}";
        var filed = await market.FileAsync("acme", product);
        var path = $"/api/complaints/{filed.Id}";
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/customer-redirections", new { redirectedTo = "store", message = "Ask the store" });
        Assert.That((await market.Operator.GetJsonAsync<Features.Complaints.Flags.Response>($"{path}/flags")).Flags, Is.Not.Empty, "the redirection raises a flag");
        var deliveries = await market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries");
        var keys = await market.Operator.GetJsonAsync<List<ApiKeyView>>("/api/api-keys");
        var problem = await market.Operator.PostJsonAsync<Features.RecurringProblems.ProblemView>("/api/problems", new { product, category = "crash", summary = "Keeps crashing" }, 201);
        await market.Operator.PostJsonAsync<Features.RecurringProblems.ProblemView>($"/api/problems/{problem.Id}/links", new { complaintId = filed.Id });
        return new SeededMarketplace(market, filed.Id, product, new Uri(filed.TrackingLink!).AbsolutePath, hook.Endpoint.Id,
            deliveries[0].Id, keys.First(k => k.PartyId == "acme").Id, ownParty, problem.Id);
    }

    /// <summary>The route with this marketplace's ids in it.</summary>
    public string PathOf(string route) => route
        .Replace("/api/complaints/{id}", $"/api/complaints/{Complaint}")
        .Replace("/api/api-keys/{id}", $"/api/api-keys/{AcmeKey}")
        .Replace("/api/webhooks/{id}", $"/api/webhooks/{Webhook}")
        .Replace("{deliveryId}", Delivery)
        .Replace("/api/problems/{id}", $"/api/problems/{Problem}")
        .Replace("{complaintId}", Complaint.ToString())
        .Replace("{chargeId}", Guid.Empty.ToString())
        .Replace("{requestId}", Guid.NewGuid().ToString());

    /// <summary>Every row of every table that carries this tenant's id, as one fingerprint per table.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        var snapshot = new Dictionary<string, string>();
        foreach (var table in await DatabaseText.TablesAsync(connection, tenantRowsOnly: true))
        {
            await using var rows = new NpgsqlCommand(
                $"select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from {ServiceUnderTest.Schema}.{table} t where t.tenant_id = $1",
                connection);
            rows.Parameters.Add(new NpgsqlParameter { Value = Market.Id });
            snapshot[table] = (string)(await rows.ExecuteScalarAsync())!;
        }
        return snapshot;
    }
}
