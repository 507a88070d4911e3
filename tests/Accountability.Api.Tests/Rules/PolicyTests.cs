using System.Text.Json.Nodes;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;

namespace Accountability.Api.Tests.Rules;

[Category("api")]
public sealed class PolicyTests
{
    [Test]
    public async Task A_marketplace_starts_with_the_default_policy()
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Acme.GetAsync("/api/policy");
        var policy = await response.ShouldBeAsync<Policy>(200);
        Assert.That(policy, Is.EqualTo(Policy.Default).Using<Policy>((a, b) => a.Version == b.Version && a.PingPong == b.PingPong && a.Churn == b.Churn));
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task Replacing_the_policy_gives_it_the_next_version_and_complaints_follow_it()
    {
        var market = await Marketplace.CreateAsync();
        var body = PolicyJson.Editable();
        body["customerDeflection"]!["enabled"] = false;
        var replaced = await PutAsync(market, body, "\"1\"");
        Assert.That(replaced.Version, Is.EqualTo(2));
        Assert.That(replaced.CustomerDeflection.Enabled, Is.False);

        var held = await market.FileHeldByAsync("acme");
        var after = await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/customer-redirections", new { redirectedTo = "store" });
        Assert.That(after.Flags, Is.Empty);
    }

    [Test]
    public async Task An_invalid_policy_is_refused_naming_each_field_and_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var body = PolicyJson.Editable();
        body["pingPong"]!["handoffs"] = 1;
        body["churn"]!["windowHours"] = 0;
        using (var response = await market.Operator.SendPutAsync(body))
        {
            var problem = await response.ShouldBeProblemAsync(400, "validation");
            Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "pingPong.handoffs", "churn.windowHours" }));
        }
        body["pingPong"]!["severity"] = "Apocalyptic";
        using (var badEnum = await market.Operator.SendPutAsync(body))
            await badEnum.ShouldBeProblemAsync(400, "validation");

        Assert.That((await market.Operator.GetJsonAsync<Policy>("/api/policy")).Version, Is.EqualTo(1));
    }

    [TestCase("pingPong", "enabled")]
    [TestCase("stalledHolder", "severity")]
    [TestCase("reopenLoop", "escalates")]
    public async Task A_rule_setting_left_out_is_refused_naming_it_never_read_as_its_default(string rule, string setting)
    {
        var market = await Marketplace.CreateAsync();
        var body = PolicyJson.Editable();
        body[rule]!.AsObject().Remove(setting);
        using (var response = await market.Operator.SendPutAsync(body))
        {
            var problem = await response.ShouldBeProblemAsync(400, "validation");
            Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { rule }));
            Assert.That(problem.Errors[rule].Single(), Does.Contain(setting));
        }
        Assert.That((await market.Operator.GetJsonAsync<Policy>("/api/policy")).Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_stale_policy_version_is_a_412_and_vendors_cannot_replace_it()
    {
        var market = await Marketplace.CreateAsync();
        await PutAsync(market, PolicyJson.Editable(), null);
        using (var stale = await market.Operator.SendPutAsync(PolicyJson.Editable(), "\"1\""))
            await stale.ShouldBeProblemAsync(412, "precondition-failed");
        using var vendor = await market.Acme.SendPutAsync(PolicyJson.Editable());
        await vendor.ShouldBeProblemAsync(403, "forbidden");
    }


    private static async Task<Policy> PutAsync(Marketplace market, JsonObject body, string? ifMatch)
    {
        using var response = await market.Operator.SendPutAsync(body, ifMatch);
        return await response.ShouldBeAsync<Policy>(200);
    }
}

internal static class PolicyClient
{
    public static Task<HttpResponseMessage> SendPutAsync(this ApiClient client, JsonObject body, string? ifMatch = null) =>
        client.PutAsync("/api/policy", body, h => { if (ifMatch is not null) h.IfMatch.ParseAdd(ifMatch); });
}
