using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Npgsql;

namespace Accountability.Api.Tests.Security;

/// <summary>
/// The service's own process, its categories at the most verbose level, through a run that handles every kind of
/// secret (dashboard sign-ins and session cookies too): none of them reaches its output.
/// </summary>
public sealed class LogSecretTests
{
    [Test]
    public async Task No_key_webhook_secret_tracking_token_or_password_reaches_the_log()
    {
        var adminKey = $"admin-{Guid.NewGuid():N}";
        var url = ServiceProcess.LoopbackUrl();
        using var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["Accountability__AdminKey"] = adminKey,
            ["Accountability__WebhookAllowedPrivateHosts__0"] = "127.0.0.1",
            ["Logging__LogLevel__Accountability"] = "Trace",
        }, "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await ServiceProcess.WaitUntilLiveAsync(http);
        var secrets = new List<string> { adminKey, new NpgsqlConnectionStringBuilder(ServiceUnderTest.ConnectionString).Password! };
        ApiClient As(string header, string key) => new(header, key, http);

        var tenant = await As(ApiKeyAuthenticationHandler.AdminHeader, adminKey).PostJsonAsync<Features.Tenants.Create.Response>(
            "/api/admin/tenants", new { id = $"m-{Guid.NewGuid():N}"[..14], name = "Logged", storeName = "Logged Store" }, 201);
        var @operator = As(ApiKeyAuthenticationHandler.Header, tenant.OperatorKey.Key!);
        await @operator.PostJsonAsync<object>("/api/parties", new { id = "acme", displayName = "Acme Apps" }, 201);
        var acmeKey = await @operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = "acme", name = "acme key" }, 201);
        var acme = As(ApiKeyAuthenticationHandler.Header, acmeKey.Key!);
        var hook = await acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = "http://127.0.0.1:9/acme", eventTypes = new[] { "complaint.assigned" } }, 201);
        var rotated = await acme.PostJsonAsync<EndpointWithSecret>($"/api/webhooks/{hook.Endpoint.Id}/secret-rotation", null);
        var filed = await @operator.PostJsonAsync<ComplaintView>("/api/complaints",
            new { customerReference = "c-1", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Crashes", channel = "App" }, 201);
        await @operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        var reissued = await @operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/tracking-link", null);
        secrets.AddRange([tenant.OperatorKey.Key!, acmeKey.Key!, hook.Secret!, rotated.Secret!, filed.TrackingLink!, reissued.TrackingLink!]);
        secrets.AddRange(new[] { filed.TrackingLink!, reissued.TrackingLink! }.Select(link => link[(link.LastIndexOf('/') + 1)..]));

        foreach (var link in new[] { filed.TrackingLink!, reissued.TrackingLink! })
        {
            (await http.GetAsync(new Uri(link).AbsolutePath)).Dispose();
            (await http.GetAsync(new Uri(link).AbsolutePath + ".json")).Dispose();
        }
        using (var dashboard = new Dashboard.DashboardVisitor(new Uri(url)))
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
        await Task.Delay(TimeSpan.FromSeconds(2)); // the dispatcher tries the delivery, signs it and logs the refused connection

        var log = service.Output + service.Error;
        Assert.That(log, Does.Contain("POST /api/webhooks/{id}/secret-rotation answered 200"), "the capture holds the run");
        Assert.That(log, Does.Contain("POST /dashboard/sign-in answered 303").And.Contain("GET /dashboard/complaints/{id:guid} answered 200"));
        Assert.That(secrets.Where(log.Contains), Is.Empty);
        Assert.That(secrets.Select(s => s.StartsWith("whsec_") ? s[6..] : s).Where(log.Contains), Is.Empty, "a secret without its prefix");
    }
}
