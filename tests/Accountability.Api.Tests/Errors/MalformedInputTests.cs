using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Errors;

/// <summary>Inputs the malformed-request corpus once found answered with a 5xx, a bare status or a success.</summary>
[Category("api")]
public sealed class MalformedInputTests
{
    private Marketplace market = null!;
    private string path = "";

    [SetUp]
    public async Task A_complaint_held_by_acme()
    {
        market = await Marketplace.CreateAsync();
        path = $"/api/complaints/{(await market.FileHeldByAsync("acme")).Id}";
    }

    [Test]
    public async Task A_key_sent_twice_in_one_object_is_a_400()
    {
        using var response = await market.Acme.PostRawAsync($"{path}/handoffs", "{\"to\":\"photon\",\"to\":\"store\",\"reason\":\"WrongParty\"}");
        await response.ShouldBeProblemAsync(400, "validation");
    }

    [Test]
    public async Task A_body_without_a_content_type_is_a_415_problem()
    {
        using var response = await market.Acme.PostContentAsync($"{path}/handoffs", new ByteArrayContent("{\"to\":\"photon\"}"u8.ToArray()));
        await response.ShouldBeProblemAsync(415, "unsupported-media-type");
    }

    [Test]
    public async Task The_empty_complaint_id_is_a_complaint_that_does_not_exist()
    {
        using var response = await market.Operator.PostAsync($"/api/complaints/{Guid.Empty}/acknowledgement");
        await response.ShouldBeProblemAsync(404, "not-found");
    }

    [Test]
    public async Task A_webhook_without_event_types_is_a_400_naming_them()
    {
        using var response = await market.Operator.PostRawAsync("/api/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\"}");
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Does.Contain("eventTypes"));
    }

    [Test]
    public async Task A_policy_with_a_null_deadline_row_is_a_400_naming_it()
    {
        var policy = PolicyJson.Editable();
        policy["stalledHolder"]!["deadlines"]!.AsArray().Add((JsonNode?)null);
        using var response = await market.Operator.PutAsync("/api/policy", policy);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Does.Contain("stalledHolder.deadlines"));
    }

    [Test]
    public async Task A_truncated_multipart_status_form_is_a_400()
    {
        var token = new Uri((await market.FileAsync()).TrackingLink!).AbsolutePath;
        var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"form\"\r\n\r\nabc", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var response = await ApiClient.Anonymous.PostContentAsync($"{token}/answer", content, h => h.Accept.ParseAdd("application/json"));
        await response.ShouldBeProblemAsync(400, "malformed-request");
    }

    [Test]
    public async Task Redelivery_refuses_a_malformed_Idempotency_Key()
    {
        var hook = await market.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
            new { url = "http://127.0.0.1:9/hook", eventTypes = new[] { "complaint.assigned" }, partyId = "acme" }, 201);
        await market.FileHeldByAsync("acme");
        var delivery = (await market.Operator.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries"))[0];
        using var response = await market.Operator.PostAsync($"/api/webhooks/{hook.Endpoint.Id}/deliveries/{delivery.Id}/redelivery", null,
            h => h.Add("Idempotency-Key", new string('k', 201)));
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Does.Contain("Idempotency-Key"));
    }

    [Test]
    public async Task An_import_mapping_with_an_overlong_column_name_is_a_400()
    {
        var mapping = new { caseId = new string('c', 201), timestamp = "at", timestampFormat = "yyyy-MM-dd", party = "team" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "legacy", mapping, csv = "case,at,team\n" });
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Does.Contain("mapping.caseId"));
    }
}
