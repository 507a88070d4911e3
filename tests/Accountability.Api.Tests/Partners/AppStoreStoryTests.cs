using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Webhooks;
using Accountability.Client;

namespace Accountability.Api.Tests.Partners;

/// <summary>
/// The app-store story as a partner plays it: only the generated client (no hand-written HTTP), and the webhooks
/// checked with the client's verifier on receivers of their own on loopback.
/// </summary>
[Category("api")]
public sealed class AppStoreStoryTests
{
    [Test]
    public async Task A_complaint_handed_store_to_vendor_to_store_is_flagged_and_each_party_is_told_by_a_webhook_it_can_verify()
    {
        await using var vendorReceiver = await Receiver.StartAsync();
        await using var storeReceiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var address = node.Http.BaseAddress!;

        var marketplace = "story-" + Guid.NewGuid().ToString("N")[..10];
        using var adminHttp = Http(address, "X-Admin-Key", ServiceUnderTest.AdminKey);
        var tenant = await new TenantsClient(adminHttp).CreateAsync(null, new TenantsCreateRequest { Id = marketplace, Name = "App Store" });
        Assert.That(tenant.StatusCode, Is.EqualTo(201));

        using var operatorHttp = Http(address, "X-Api-Key", tenant.Result.OperatorKey.Key!);
        await new PartiesClient(operatorHttp).RegisterAsync(null, new PartiesRegisterRequest { Id = "pixelforge", DisplayName = "PixelForge Games" });
        var vendorKey = await new ApiKeysClient(operatorHttp).CreateAsync(null, new ApiKeysCreateRequest { PartyId = "pixelforge", Name = "PixelForge integration" });
        using var vendorHttp = Http(address, "X-Api-Key", vendorKey.Result.Key!);

        var vendorHook = await new WebhooksClient(vendorHttp).RegisterAsync(null, new WebhooksRegisterRequest { Url = vendorReceiver.Url, EventTypes = ["complaint.assigned"] });
        var storeHook = await new WebhooksClient(operatorHttp).RegisterAsync(null, new WebhooksRegisterRequest { Url = storeReceiver.Url, EventTypes = ["complaint.flagged"] });

        var store = new ComplaintsClient(operatorHttp);
        var filed = await store.FileAsync("story-cust-1", new ComplaintsFileRequest
        {
            CustomerReference = "cust-1", Product = "Dungeon Quest", VendorId = "pixelforge", Category = "purchase-missing",
            Description = "Paid for the expansion, it never unlocked", Channel = Channel.App,
        });
        Assert.That(filed.StatusCode, Is.EqualTo(201));
        var id = filed.Result.Id;

        var toVendor = await store.HandOffAsync(id, null, ETag(filed), new ComplaintsHandOffRequest
        {
            To = "pixelforge", Reason = HandoffReason.NeedsVendorFix, Note = "The unlock is the game's", Evidence = ["receipt-881"],
        });
        Assert.That(toVendor.Result.Holder.Id, Is.EqualTo("pixelforge"));

        var vendor = new ComplaintsClient(vendorHttp);
        var stale = await Assert.ThrowsAsync<ApiException<ProblemResponse>>(() => vendor.HandOffAsync(id, null, ETag(filed),
            new ComplaintsHandOffRequest { To = "store", Reason = HandoffReason.NotOurComponent }));
        Assert.That((stale!.StatusCode, stale.Result.Type), Is.EqualTo((412, "urn:accountability:problem:precondition-failed")),
            "an If-Match of an older version is refused as problem+json the client reads");

        var back = await vendor.HandOffAsync(id, null, ETag(toVendor), new ComplaintsHandOffRequest
        {
            To = "store", Reason = HandoffReason.NotOurComponent, Note = "Payments are the store's",
        });
        Assert.That(back.Result.Holder.Id, Is.EqualTo("store"));

        var flags = await store.FlagsAsync(id);
        Assert.That(flags.Result.Flags.Select(f => f.Rule), Does.Contain("bounce"), "store -> vendor -> store is a bounce");
        Assert.That(flags.Result.Flags.Single(f => f.Rule == "bounce").Sentence, Does.Contain("PixelForge Games"));

        var toldVendor = (await vendorReceiver.WaitForAsync(1)).First(r => r.Body.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.That(toldVendor.Body, Does.Contain("\"complaint.assigned\""));
        Assert.DoesNotThrow(() => new WebhookVerifier(vendorHook.Result.Secret!).Verify(toldVendor.Body, toldVendor.Id, toldVendor.Timestamp, toldVendor.Signature));
        var toldStore = (await storeReceiver.WaitForAsync(1)).First(r => r.Body.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.That(toldStore.Body, Does.Contain("\"complaint.flagged\""));
        Assert.DoesNotThrow(() => new WebhookVerifier(storeHook.Result.Secret!).Verify(toldStore.Body, toldStore.Id, toldStore.Timestamp, toldStore.Signature));

        Assert.That(new WebhookVerifier(storeHook.Result.Secret!).IsValid(toldVendor.Body, toldVendor.Id, toldVendor.Timestamp, toldVendor.Signature),
            Is.False, "one endpoint's secret does not verify another's deliveries");
    }

    private static HttpClient Http(Uri address, string header, string key)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Add(header, key);
        return http;
    }

    private static string ETag(ApiResponse response) => response.Headers["ETag"].Single();
}
