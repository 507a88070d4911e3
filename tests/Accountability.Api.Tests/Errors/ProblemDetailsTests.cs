using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Errors;

/// <summary>Every error kind answers problem+json with its stable type, and a refused write changes nothing.</summary>
[Category("api")]
public sealed class ProblemDetailsTests
{
    private Marketplace market = null!;
    private Guid complaint;
    private string path = "";

    [SetUp]
    public async Task A_complaint_held_by_acme()
    {
        market = await Marketplace.CreateAsync();
        complaint = (await market.FileHeldByAsync("acme")).Id;
        path = $"/api/complaints/{complaint}";
    }

    [TearDown]
    public async Task The_stream_is_untouched() =>
        Assert.That(await market.TimelineAsync(complaint), Has.Count.EqualTo(2), "a refused request must not write");

    [Test]
    public async Task Validation_errors_name_each_field()
    {
        using var response = await market.Acme.PostAsync($"{path}/handoffs", new { to = "Not A Party!", note = new string('x', 2001) });
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "to", "reason", "note" }));
    }

    [TestCase("{\"to\":\"photon\",", TestName = "Malformed JSON is a 400")]
    [TestCase("", TestName = "An empty body is a 400")]
    public async Task Malformed_bodies_are_refused(string body)
    {
        using var response = await market.Acme.PostRawAsync($"{path}/handoffs", body);
        await response.ShouldBeProblemAsync(400, "malformed-request");
    }

    [TestCase("{\"to\":\"photon\",\"reason\":\"BecauseISaidSo\"}", "reason", TestName = "An unknown enum value is a 400 naming the field")]
    [TestCase("{\"to\":\"photon\",\"reason\":1}", "reason", TestName = "An enum sent as a number is a 400")]
    [TestCase("{\"to\":42,\"reason\":\"WrongParty\"}", "to", TestName = "A number where a string belongs is a 400")]
    [TestCase("{\"to\":\"photon\",\"reason\":\"WrongParty\",\"blame\":\"them\"}", "blame", TestName = "An unknown field is a 400")]
    public async Task Wrong_shapes_are_refused_naming_the_field(string body, string field)
    {
        using var response = await market.Acme.PostRawAsync($"{path}/handoffs", body);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Does.Contain(field));
        Assert.That(string.Join(" ", problem.Errors[field]), Does.Not.Contain("Accountability."));
    }

    [Test]
    public async Task An_oversized_body_is_a_413()
    {
        var body = $"{{\"to\":\"photon\",\"reason\":\"WrongParty\",\"note\":\"{new string('x', 70_000)}\"}}";
        using var response = await market.Acme.PostRawAsync($"{path}/handoffs", body);
        await response.ShouldBeProblemAsync(413, "payload-too-large");
    }

    [Test]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        using var response = await market.Acme.PostRawAsync($"{path}/handoffs", "to=photon", "text/plain");
        await response.ShouldBeProblemAsync(415, "unsupported-media-type");
    }

    [Test]
    public async Task Unknown_routes_and_methods_are_problems_too()
    {
        using (var missing = await market.Operator.GetAsync("/api/nothing-here"))
            await missing.ShouldBeProblemAsync(404, "not-found");
        using (var unknownComplaint = await market.Operator.GetAsync($"/api/complaints/{Guid.NewGuid()}"))
            await unknownComplaint.ShouldBeProblemAsync(404, "not-found");
        using var wrongMethod = await market.Operator.DeleteAsync(path);
        await wrongMethod.ShouldBeProblemAsync(405, "method-not-allowed");
    }

    [Test]
    public async Task Only_the_holder_may_hand_off()
    {
        using var response = await market.Photon.PostAsync($"{path}/handoffs", new { to = "store", reason = "WrongParty" });
        await response.ShouldBeProblemAsync(404, "not-found");
        using var byStore = await market.Operator.PostAsync($"{path}/handoffs", new { to = "photon", reason = "WrongParty" });
        var problem = await byStore.ShouldBeProblemAsync(409, "not-the-holder");
        Assert.That(problem.Detail, Does.Contain("Acme Apps"));
    }

    [Test]
    public async Task No_handoff_to_oneself_or_to_an_unknown_party()
    {
        using (var self = await market.Acme.PostAsync($"{path}/handoffs", new { to = "acme", reason = "WrongParty" }))
            await self.ShouldBeProblemAsync(422, "handoff-to-self");
        using (var unknown = await market.Acme.PostAsync($"{path}/handoffs", new { to = "nobody", reason = "WrongParty" }))
            await unknown.ShouldBeProblemAsync(422, "unknown-party");
        using var customer = await market.Acme.PostAsync($"{path}/handoffs", new { to = "customer", reason = "WrongParty" });
        await customer.ShouldBeProblemAsync(422, "unknown-party");
    }

    [Test]
    public async Task A_stale_If_Match_is_a_412()
    {
        using var response = await market.Acme.PostAsync($"{path}/acknowledgement", null, h => h.IfMatch.ParseAdd("\"1\""));
        var problem = await response.ShouldBeProblemAsync(412, "precondition-failed");
        Assert.That(problem.Detail, Does.Contain("version 2"));
    }

    [Test]
    public async Task An_If_Match_that_is_no_ETag_of_ours_is_a_400()
    {
        using var response = await market.Acme.PostAsync($"{path}/acknowledgement", null, h => h.TryAddWithoutValidation("If-Match", "yesterday"));
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Does.Contain("If-Match"));
    }

    [Test]
    public async Task Operator_only_actions_are_refused_to_vendors()
    {
        using var response = await market.Acme.PostAsync($"{path}/assignment", new { to = "photon" });
        await response.ShouldBeProblemAsync(403, "forbidden");
    }

    [Test]
    public async Task Closing_an_unresolved_complaint_is_a_409()
    {
        using var response = await market.Operator.PostAsync($"{path}/closure");
        await response.ShouldBeProblemAsync(409, "not-resolved");
    }

    [Test]
    public async Task Registering_a_party_twice_is_a_409()
    {
        using var response = await market.Operator.PostAsync("/api/parties", new { id = "acme", displayName = "Acme again" });
        await response.ShouldBeProblemAsync(409, "already-exists");
    }
}
