using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Security;

[Category("api")]
public sealed class AuthorizationTests
{
    [Test]
    public async Task A_request_without_a_key_gets_401()
    {
        using var response = await ApiClient.Anonymous.GetAsync("/api/complaints");
        await response.ShouldBeProblemAsync(401, "unauthenticated");
    }

    [TestCase("acc_0123456789abcdef_not-the-secret")]
    [TestCase("garbage")]
    public async Task An_unknown_key_gets_401(string key)
    {
        using var response = await Marketplace.Client(key).GetAsync("/api/complaints");
        await response.ShouldBeProblemAsync(401, "unauthenticated");
    }

    [Test]
    public async Task A_revoked_key_gets_401_and_stays_listed_as_revoked()
    {
        var market = await Marketplace.CreateAsync();
        var issued = await market.Operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = "acme", name = "to revoke" }, 201);
        var key = Marketplace.Client(issued.Key!);
        using (var before = await key.GetAsync("/api/complaints"))
            Assert.That((int)before.StatusCode, Is.EqualTo(200));

        using (var revoke = await market.Operator.DeleteAsync($"/api/api-keys/{issued.Id}"))
            Assert.That((await revoke.ShouldBeAsync<ApiKeyView>(200)).RevokedAt, Is.Not.Null);

        using var after = await key.GetAsync("/api/complaints");
        await after.ShouldBeProblemAsync(401, "unauthenticated");
        var listed = await market.Operator.GetJsonAsync<List<ApiKeyView>>("/api/api-keys");
        Assert.That(listed.Single(k => k.Id == issued.Id).RevokedAt, Is.Not.Null);
    }

    [Test]
    public async Task Key_listings_never_show_a_secret_or_its_hash()
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Operator.GetAsync("/api/api-keys");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain("secret").IgnoreCase.And.Not.Contain("hash").IgnoreCase.And.Not.Contain("acc_"));
    }

    [TestCase("POST", "/api/parties")]
    [TestCase("POST", "/api/complaints")]
    [TestCase("POST", "/api/api-keys")]
    [TestCase("GET", "/api/api-keys")]
    public async Task A_vendor_key_cannot_call_operator_endpoints(string method, string path)
    {
        var market = await Marketplace.CreateAsync();
        using var response = method == "GET" ? await market.Acme.GetAsync(path) : await market.Acme.PostAsync(path, new { });
        await response.ShouldBeProblemAsync(403, "forbidden");
    }

    [Test]
    public async Task A_vendor_key_cannot_create_tenants_and_a_wrong_admin_key_gets_401()
    {
        var market = await Marketplace.CreateAsync();
        using (var asVendor = await market.Acme.PostAsync("/api/admin/tenants", new { id = "x", name = "x" }))
            await asVendor.ShouldBeProblemAsync(403, "forbidden");
        using var wrongAdmin = await new ApiClient("X-Admin-Key", "wrong").PostAsync("/api/admin/tenants", new { id = "x", name = "x" });
        await wrongAdmin.ShouldBeProblemAsync(401, "unauthenticated");
    }

    [Test]
    public async Task A_vendor_gets_404_for_a_complaint_it_never_held_whatever_it_tries()
    {
        var market = await Marketplace.CreateAsync();
        var acmes = await market.FileHeldByAsync("acme");
        var path = $"/api/complaints/{acmes.Id}";

        foreach (var response in new[]
        {
            await market.Photon.GetAsync(path),
            await market.Photon.GetAsync($"{path}/timeline"),
            await market.Photon.PostAsync($"{path}/handoffs", new { to = "store", reason = "WrongParty" }, h => h.IfMatch.ParseAdd("\"999\"")),
            await market.Photon.PostAsync($"{path}/acknowledgement"),
        })
        {
            using (response)
            {
                var problem = await response.ShouldBeProblemAsync(404, "not-found");
                Assert.That(problem.Detail, Does.Not.Contain("acme"));
            }
        }
        Assert.That(await market.TimelineAsync(acmes.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_vendor_still_sees_a_complaint_after_handing_it_on_but_can_no_longer_act_on_it()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var path = $"/api/complaints/{held.Id}";
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/handoffs", new { to = "photon", reason = "NotOurComponent" });

        Assert.That((await market.Acme.GetJsonAsync<ComplaintView>(path)).Holder.Id, Is.EqualTo("photon"));
        using var act = await market.Acme.PostAsync($"{path}/acknowledgement");
        await act.ShouldBeProblemAsync(409, "not-the-holder");
    }

    [Test]
    public async Task Another_marketplace_cannot_see_or_touch_a_complaint()
    {
        var mine = await Marketplace.CreateAsync();
        var theirs = await Marketplace.CreateAsync();
        var complaint = await mine.FileAsync();
        var path = $"/api/complaints/{complaint.Id}";

        using (var read = await theirs.Operator.GetAsync(path))
            await read.ShouldBeProblemAsync(404, "not-found");
        using (var write = await theirs.Operator.PostAsync($"{path}/handoffs", new { to = "acme", reason = "NeedsVendorFix" }))
            await write.ShouldBeProblemAsync(404, "not-found");
        using (var revoke = await theirs.Operator.DeleteAsync($"/api/api-keys/{(await mine.Operator.GetJsonAsync<List<ApiKeyView>>("/api/api-keys"))[0].Id}"))
            await revoke.ShouldBeProblemAsync(404, "not-found");
        var list = await theirs.Operator.GetJsonAsync<Features.Complaints.List.Response>("/api/complaints");
        Assert.That(list.Items, Is.Empty);
        Assert.That(await mine.TimelineAsync(complaint.Id), Has.Count.EqualTo(1));
    }
}
