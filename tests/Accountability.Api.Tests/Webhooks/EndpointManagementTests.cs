using System.Security.Cryptography;
using System.Text;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Webhooks;

[Category("api")]
public sealed class EndpointManagementTests
{
    private static readonly object Hook = new { url = "http://127.0.0.1:9/hooks", eventTypes = new[] { "complaint.assigned", "complaint.flagged" } };

    [Test]
    public async Task A_vendor_registers_an_endpoint_and_gets_its_secret_once()
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Acme.PostAsync("/api/webhooks", Hook);
        var created = await response.ShouldBeAsync<EndpointWithSecret>(201);

        Assert.That(created.Secret, Does.Match("^whsec_[A-Za-z0-9+/]{43}=$"));
        Assert.That(created.Endpoint.PartyId, Is.EqualTo("acme"));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/webhooks/{created.Endpoint.Id}"));
        using var listed = await market.Acme.GetAsync("/api/webhooks");
        var body = await listed.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain(created.Endpoint.Id).And.Not.Contain("whsec_"));
    }

    [Test]
    public async Task A_vendor_sees_only_its_own_endpoints_and_the_operator_sees_all()
    {
        var market = await Marketplace.CreateAsync();
        var acmes = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", Hook, 201);
        var photons = await market.Photon.PostJsonAsync<EndpointWithSecret>("/api/webhooks", Hook, 201);

        Assert.That((await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Select(e => e.Id), Is.EqualTo(new[] { acmes.Endpoint.Id }));
        Assert.That((await market.Operator.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Select(e => e.Id),
            Is.EquivalentTo(new[] { acmes.Endpoint.Id, photons.Endpoint.Id }));
        using var foreign = await market.Acme.DeleteAsync($"/api/webhooks/{photons.Endpoint.Id}");
        await foreign.ShouldBeProblemAsync(404, "not-found");
        using var asOther = await market.Acme.PostAsync("/api/webhooks", new { url = "http://127.0.0.1:9/x", eventTypes = new[] { "complaint.assigned" }, partyId = "photon" });
        await asOther.ShouldBeProblemAsync(403, "operator-only");
    }

    [TestCase("http://10.1.2.3/hook")]
    [TestCase("http://169.254.169.254/latest/meta-data")]
    [TestCase("http://[::1]/hook")]
    [TestCase("http://127.0.0.2/hook")]
    [TestCase("http://192.168.1.10/hook")]
    [TestCase("ftp://127.0.0.1/hook")]
    [TestCase("http://user:pass@127.0.0.1/hook")]
    public async Task Internal_or_non_http_targets_are_refused(string url)
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Acme.PostAsync("/api/webhooks", new { url, eventTypes = new[] { "complaint.assigned" } });
        await response.ShouldBeProblemAsync(422, "target-refused");
        Assert.That(await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks"), Is.Empty);
    }

    [TestCase("http://[64:ff9b::a00:1]/", "10.0.0.1")]
    [TestCase("http://[64:ff9b::a9fe:a9fe]/", "169.254.169.254")]
    [TestCase("http://[64:ff9b:1::a00:1]/", "64:ff9b:1::/48")]
    [TestCase("http://[::ffff:0:a00:1]/", "::ffff:0:0:0/96")]
    [TestCase("http://[::127.0.0.1]/", "::/96")]
    [TestCase("http://[::a00:1]/", "::/96")]
    [TestCase("http://[2002:7f00:1::]/", "127.0.0.1")]
    [TestCase("http://[2002:a00:1::1]/", "10.0.0.1")]
    [TestCase("http://198.18.0.1/", "198.18.0.0/15")]
    public async Task IPv6_forms_of_internal_addresses_and_special_purpose_ranges_are_refused_naming_why(string url, string why)
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Acme.PostAsync("/api/webhooks", new { url, eventTypes = new[] { "complaint.assigned" } });
        var problem = await response.ShouldBeProblemAsync(422, "target-refused");
        Assert.That(problem.Errors?["url"].Single(), Does.Contain(why).And.Contain("not globally reachable"));
        Assert.That(await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks"), Is.Empty);
    }

    [Test]
    public async Task Unknown_event_types_are_a_validation_error()
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Acme.PostAsync("/api/webhooks", new { url = "http://127.0.0.1:9/x", eventTypes = new[] { "complaint.vanished" } });
        await response.ShouldBeProblemAsync(400, "validation");
    }

    [Test]
    public async Task Rotating_gives_a_new_secret_updating_disables_and_deleting_removes()
    {
        var market = await Marketplace.CreateAsync();
        var created = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", Hook, 201);
        var path = $"/api/webhooks/{created.Endpoint.Id}";

        var rotated = await market.Acme.PostJsonAsync<EndpointWithSecret>($"{path}/secret-rotation", null);
        Assert.That(rotated.Secret, Does.StartWith("whsec_").And.Not.EqualTo(created.Secret));

        using (var update = await market.Acme.PutAsync(path, new { url = "http://127.0.0.1:9/v2", eventTypes = new[] { "complaint.closed" }, enabled = false }))
        {
            var view = await update.ShouldBeAsync<WebhookEndpointView>(200);
            Assert.That((view.Url, view.Enabled, view.DisabledReason), Is.EqualTo(("http://127.0.0.1:9/v2", false, "Paused by its owner.")));
        }
        using (var delete = await market.Acme.DeleteAsync(path))
            Assert.That((int)delete.StatusCode, Is.EqualTo(204));
        Assert.That(await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks"), Is.Empty);
    }

    [Test]
    public void Signatures_follow_Standard_Webhooks_as_an_independent_implementation_computes_them()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var secret = "whsec_" + Convert.ToBase64String(key);
        const string id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
        const long timestamp = 1674087231;
        const string body = """{"type":"complaint.assigned"}""";

        using var hmac = new HMACSHA256(key);
        var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

        Assert.That(WebhookSignature.Sign(secret, id, timestamp, body), Is.EqualTo(expected));
        Assert.That(WebhookSignature.Header([secret, WebhookSignature.NewSecret()], id, timestamp, body).Split(' '), Has.Length.EqualTo(2).And.Contains(expected));
    }
}
