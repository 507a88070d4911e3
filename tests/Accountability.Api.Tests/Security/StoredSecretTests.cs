using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Complaints.TrackingLinks;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Security;

/// <summary>The database holds only SHA-256s of API keys and tracking tokens: a copy of it opens nothing.</summary>
[Category("api")]
public sealed class StoredSecretTests
{
    [Test]
    public async Task Api_keys_are_stored_only_as_the_SHA_256_of_their_secret()
    {
        var tenant = await Marketplace.Admin.PostJsonAsync<Features.Tenants.Create.Response>(
            "/api/admin/tenants", new { id = $"m-{Guid.NewGuid():N}"[..14], name = "Hashed", storeName = "Hashed Store" }, 201);
        var @operator = Marketplace.Client(tenant.OperatorKey.Key!);
        await @operator.PostJsonAsync<object>("/api/parties", new { id = "acme", displayName = "Acme Apps" }, 201);
        var vendorKey = await @operator.PostJsonAsync<CreatedApiKey>(
            "/api/api-keys", new { partyId = "acme", name = "acme key" }, 201, h => h.Add("Idempotency-Key", $"key-{Guid.NewGuid()}"));

        foreach (var key in new[] { tenant.OperatorKey.Key!, vendorKey.Key! })
        {
            Assert.That(ApiKeySecrets.TryParse(key, out _, out var secret), Is.True);
            Assert.That(await DatabaseText.TablesHoldingAsync(secret), Is.Empty, "the key's secret");
            Assert.That(await DatabaseText.TablesHoldingAsync(ApiKeySecrets.Hash(secret)), Is.EqualTo(new[] { "mt_doc_apikey" }));
        }
    }

    [Test]
    public async Task Tracking_tokens_are_stored_only_as_their_SHA_256()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints",
            new { customerReference = "c-1", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Crashes", channel = "App" },
            201, h => h.Add("Idempotency-Key", $"file-{Guid.NewGuid()}"));
        var reissued = await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/tracking-link", null);

        foreach (var link in new[] { filed.TrackingLink!, reissued.TrackingLink! })
        {
            var token = link[(link.LastIndexOf('/') + 1)..];
            Assert.That(TrackingToken.IsWellFormed(token), Is.True, link);
            Assert.That(await DatabaseText.TablesHoldingAsync(token), Is.Empty, "the customer's token");
            Assert.That(await DatabaseText.TablesHoldingAsync(TrackingToken.Hash(token)), Is.Not.Empty, "the token's SHA-256");
        }
    }
}
