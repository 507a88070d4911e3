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

    public static async Task<Marketplace> CreateAsync()
    {
        var id = $"m-{Guid.NewGuid():N}"[..14];
        var tenant = await Admin.PostJsonAsync<Features.Tenants.Create.Response>(
            "/api/admin/tenants", new { id, name = "Test Marketplace", storeName = "Test Store" }, 201);
        var @operator = Client(tenant.OperatorKey.Key!);
        await @operator.PostJsonAsync<object>("/api/parties", new { id = "acme", displayName = "Acme Apps" }, 201);
        await @operator.PostJsonAsync<object>("/api/parties", new { id = "photon", displayName = "Photon Devices" }, 201);
        return new Marketplace(id, @operator, await KeyFor(@operator, "acme"), await KeyFor(@operator, "photon"));
    }

    public static ApiClient Client(string key) => new(ApiKeyAuthenticationHandler.Header, key);

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

    private static async Task<ApiClient> KeyFor(ApiClient @operator, string party)
    {
        var key = await @operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = party, name = $"{party} key" }, 201);
        return Client(key.Key!);
    }
}
