using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Npgsql;

namespace Accountability.Api.Tests.Security;

/// <summary>
/// A run through one node that handles every kind of secret: the admin key, operator and vendor keys, webhook secrets
/// (issued and rotated), tracking links and their tokens, a dashboard session, wrong and revoked keys. Returns them all,
/// with the database password, for a test to look for wherever the node writes (its log, its telemetry).
/// </summary>
public static class SecretRun
{
    /// <summary>Routes the run calls (as spans name them, with or without the leading slash), by which a capture shows that it holds the run.</summary>
    public static readonly string[] Routes = ["api/admin/tenants", "api/webhooks/{id}/secret-rotation", "status/{token}", "dashboard/sign-in"];

    /// <summary>Where the run's webhook is sent (nothing listens there): a node that sends webhooks traces the attempt.</summary>
    public const string WebhookHost = "http://127.0.0.1:9";

    public static async Task<List<string>> RunAsync(Uri address, string adminKey)
    {
        using var http = new HttpClient { BaseAddress = address };
        var secrets = new List<string> { adminKey, new NpgsqlConnectionStringBuilder(ServiceUnderTest.ConnectionString).Password! };
        ApiClient As(string header, string key) => new(header, key, http);

        var tenant = await As(ApiKeyAuthenticationHandler.AdminHeader, adminKey).PostJsonAsync<Features.Tenants.Create.Response>(
            "/api/admin/tenants", new { id = $"m-{Guid.NewGuid():N}"[..14], name = "Watched", storeName = "Watched Store" }, 201);
        var @operator = As(ApiKeyAuthenticationHandler.Header, tenant.OperatorKey.Key!);
        await @operator.PostJsonAsync<object>("/api/parties", new { id = "acme", displayName = "Acme Apps" }, 201);
        var acmeKey = await @operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = "acme", name = "acme key" }, 201);
        var acme = As(ApiKeyAuthenticationHandler.Header, acmeKey.Key!);
        // Some receivers put their secret in the URL's path.
        var pathSecret = $"hook-{Guid.NewGuid():N}";
        var hook = await acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
            new { url = $"{WebhookHost}/acme/{pathSecret}", eventTypes = new[] { "complaint.assigned" } }, 201);
        var rotated = await acme.PostJsonAsync<EndpointWithSecret>($"/api/webhooks/{hook.Endpoint.Id}/secret-rotation", null);
        var filed = await @operator.PostJsonAsync<ComplaintView>("/api/complaints",
            new { customerReference = "c-1", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Crashes", channel = "App" }, 201);
        await @operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        var reissued = await @operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/tracking-link", null);
        secrets.AddRange([pathSecret, tenant.OperatorKey.Key!, acmeKey.Key!, hook.Secret!, rotated.Secret!, filed.TrackingLink!, reissued.TrackingLink!]);
        secrets.AddRange(new[] { filed.TrackingLink!, reissued.TrackingLink! }.Select(link => link[(link.LastIndexOf('/') + 1)..]));

        foreach (var link in new[] { filed.TrackingLink!, reissued.TrackingLink! })
        {
            (await http.GetAsync(new Uri(link).AbsolutePath)).Dispose();
            (await http.GetAsync(new Uri(link).AbsolutePath + ".json")).Dispose();
        }
        using (var dashboard = new Dashboard.DashboardVisitor(address))
        {
            (await dashboard.SignInAsync(tenant.OperatorKey.Key)).Dispose();
            await dashboard.ReadAsync($"/dashboard/complaints/{filed.Id}");
            secrets.Add(dashboard.SessionCookie!.Value);
            (await dashboard.SignInAsync(acmeKey.Key)).Dispose();
        }
        var wrongKey = acmeKey.Key! + "x";
        var wrongAdmin = adminKey + "-wrong";
        secrets.AddRange([wrongKey, wrongAdmin]);
        (await As(ApiKeyAuthenticationHandler.Header, wrongKey).GetAsync("/api/complaints")).Dispose();
        (await As(ApiKeyAuthenticationHandler.AdminHeader, wrongAdmin).PostAsync("/api/admin/tenants", new { id = "x", name = "x" })).Dispose();
        (await @operator.DeleteAsync($"/api/api-keys/{acmeKey.Id}")).Dispose();
        (await acme.GetAsync("/api/complaints")).Dispose();
        return secrets;
    }

    /// <summary>The secrets, and each webhook secret without its prefix.</summary>
    public static IEnumerable<string> WithBareForms(IEnumerable<string> secrets) =>
        secrets.SelectMany(s => s.StartsWith("whsec_", StringComparison.Ordinal) ? [s, s[6..]] : new[] { s });
}
