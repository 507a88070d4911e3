using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>A fresh tenant per test: the store and two vendors, each with its own key.</summary>
public sealed class Marketplace
{
    private Marketplace(string id, ApiClient @operator, ApiClient acme, ApiClient photon) =>
        (Id, Operator, Acme, Photon) = (id, @operator, acme, photon);

    public string Id { get; }

    public ApiClient Operator { get; }

    public ApiClient Acme { get; }

    public ApiClient Photon { get; }

    public static ApiClient Admin => new(ApiKeyAuthenticationHandler.AdminHeader, ServiceUnderTest.AdminKey);

    /// <param name="http">A client of another node than the shared one, such as a node on a schema of its own.</param>
    /// <param name="id">The marketplace's id, for a node that must know it before it starts; by default a new one.</param>
    public static async Task<Marketplace> CreateAsync(HttpClient? http = null, string? id = null)
    {
        id ??= NewId();
        var tenant = await new ApiClient(ApiKeyAuthenticationHandler.AdminHeader, ServiceUnderTest.AdminKey, http).PostJsonAsync<Features.Tenants.Create.Response>(
            "/api/admin/tenants", new { id, name = "Test Marketplace", storeName = "Test Store" }, 201);
        var @operator = Client(tenant.OperatorKey.Key!, http);
        await @operator.PostJsonAsync<object>("/api/parties", new { id = "acme", displayName = "Acme Apps" }, 201);
        await @operator.PostJsonAsync<object>("/api/parties", new { id = "photon", displayName = "Photon Devices" }, 201);
        return new Marketplace(id, @operator, await KeyFor(@operator, "acme", http), await KeyFor(@operator, "photon", http));
    }

    public static string NewId() => $"m-{Guid.NewGuid():N}"[..14];

    public static ApiClient Client(string key, HttpClient? http = null) => new(ApiKeyAuthenticationHandler.Header, key, http);

    public async Task<ComplaintView> FileAsync(string vendor = "acme", string product = "Photo Pro")
    {
        var body = new
        {
            customerReference = "cust-1",
            product,
            vendorId = vendor,
            category = "crash",
            description = "Crashes on start",
            channel = "App",
        };
        return await Operator.PostJsonAsync<ComplaintView>("/api/complaints", body, 201);
    }

    /// <summary>Files a complaint and hands it from the store to the vendor, so the vendor holds it.</summary>
    public async Task<ComplaintView> FileHeldByAsync(string vendor = "acme")
    {
        var filed = await FileAsync(vendor);
        return await Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = vendor, reason = "NeedsVendorFix" });
    }

    public async Task<IReadOnlyList<Features.Complaints.Timeline.TimelineEntry>> TimelineAsync(Guid complaint) =>
        (await Operator.GetJsonAsync<Features.Complaints.Timeline.Response>($"/api/complaints/{complaint}/timeline")).Events;

    private static async Task<ApiClient> KeyFor(ApiClient @operator, string party, HttpClient? http)
    {
        var key = await @operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = party, name = $"{party} key" }, 201);
        return Client(key.Key!, http);
    }
}
