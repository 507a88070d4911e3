using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.StatusPage;

namespace Accountability.Api.Tests.Errors;

/// <summary>What every request goes through before an endpoint: its body's type, its key, its JSON and its query.</summary>
[Category("api")]
public sealed class RequestPipelineTests
{
    private Marketplace market = null!;
    private ComplaintView held = null!;

    [SetUp]
    public async Task A_marketplace_with_a_complaint_acme_holds()
    {
        market = await Marketplace.CreateAsync();
        held = await market.FileHeldByAsync("acme");
    }

    [Test]
    public async Task A_write_without_a_body_is_a_415_problem()
    {
        using var response = await market.Operator.PostAsync("/api/complaints");
        var problem = await response.ShouldBeProblemAsync(415, "unsupported-media-type");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "Content-Type" }));
    }

    [Test]
    public async Task A_wrong_admin_key_is_told_to_send_the_admin_header()
    {
        using var response = await new ApiClient("X-Admin-Key", "wrong").PostAsync("/api/admin/tenants", new { id = "x", name = "x", storeName = "x" });
        var problem = await response.ShouldBeProblemAsync(401, "unauthenticated");
        Assert.That(problem.Detail, Does.Contain("X-Admin-Key").And.Not.Contain("X-Api-Key"));
    }

    [Test]
    public async Task A_missing_api_key_is_told_to_send_the_api_key_header()
    {
        using var response = await ApiClient.Anonymous.GetAsync("/api/complaints");
        var problem = await response.ShouldBeProblemAsync(401, "unauthenticated");
        Assert.That(problem.Detail, Does.Contain("X-Api-Key"));
    }

    [TestCase("{\"to\":\"pho", TestName = "JSON cut inside a string is a malformed request")]
    [TestCase("{\"to\":\"photon\",\"reason\":", TestName = "JSON cut after a name is a malformed request")]
    [TestCase("{\"to\":\"photon\" \"reason\":\"WrongParty\"}", TestName = "JSON missing a comma is a malformed request")]
    public async Task Json_that_does_not_parse_is_a_malformed_request_with_a_readable_detail(string body)
    {
        using var response = await market.Acme.PostRawAsync($"/api/complaints/{held.Id}/handoffs", body);
        var problem = await response.ShouldBeProblemAsync(400, "malformed-request");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "body" }));
        Assert.That(problem.Errors["body"][0], Does.Match("line 1, position [0-9]+"));
        Assert.That(problem.Errors["body"][0], Does.Not.Contain("System.").And.Not.Contain("Accountability.").And.Not.Contain("Path:"));
    }

    [TestCase("/api/complaints?flaged=true", "flaged")]
    [TestCase("/api/complaints?product=Photo%20Pro&utm_source=mail", "utm_source")]
    [TestCase("/api/scorecards/parties?format=json&party=acme&colour=red", "colour")]
    public async Task An_unknown_query_parameter_on_the_api_is_a_400_naming_it(string path, string parameter)
    {
        using var response = await market.Operator.GetAsync(path);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { parameter }));
        Assert.That(problem.Errors[parameter][0], Does.Contain($"'{parameter}' is not a parameter of this request"));
    }

    [Test]
    public async Task A_route_value_cannot_be_replaced_through_the_query()
    {
        var other = await market.FileAsync();
        using var response = await market.Operator.GetAsync($"/api/complaints/{held.Id}?id={other.Id}");
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "id" }));
    }

    [Test]
    public async Task A_body_field_cannot_be_sent_as_a_query_parameter()
    {
        using var response = await market.Acme.PostAsync($"/api/complaints/{held.Id}/handoffs?to=store", new { to = "photon", reason = "WrongParty" });
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "to" }));
        Assert.That(await market.TimelineAsync(held.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Known_query_parameters_are_matched_whatever_their_case()
    {
        using var response = await market.Operator.GetAsync("/api/complaints?Limit=1&PRODUCT=Photo%20Pro");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Pages_tolerate_parameters_they_do_not_know()
    {
        var filed = await market.FileAsync();
        using var response = await new Customer(filed.TrackingLink!).OpenAsync(suffix: "?utm_source=mail&utm_campaign=x");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }
}
