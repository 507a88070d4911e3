using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Errors;

/// <summary>Text PostgreSQL cannot keep (NUL, an unpaired surrogate) is a 400 naming the field or parameter, and writes nothing.</summary>
[Category("api")]
[NonParallelizable] // its snapshot of the store covers whole tables without a tenant column, where other fixtures write
public sealed class StorableTextTests
{
    private const string Nul = "\\u0000";

    private Marketplace market = null!;
    private Guid held;

    [SetUp]
    public async Task A_marketplace_with_a_complaint_acme_holds()
    {
        market = await Marketplace.CreateAsync();
        held = (await market.FileHeldByAsync("acme")).Id;
    }

    private static readonly object[] Bodies =
    [
        new object[] { "/api/complaints", $$"""{"customerReference":"c","product":"Photo{{Nul}}Pro","vendorId":"acme","category":"crash","description":"d","channel":"App"}""", "product" },
        new object[] { "/api/complaints", """{"customerReference":"c","product":"Photo Pro","vendorId":"acme","category":"crash","description":"lone \ud800 half","channel":"App"}""", "description" },
        new object[] { "/api/complaints", """{"customerReference":"c","product":"Photo Pro","vendorId":"acme","category":"crash","description":"\udc00 lone low half","channel":"App"}""", "description" },
        new object[] { "/api/parties", $$"""{"id":"zeta","displayName":"Zeta{{Nul}}"}""", "displayName" },
        new object[] { "/api/api-keys", $$"""{"partyId":"acme","name":"k{{Nul}}"}""", "name" },
        new object[] { "/api/problems", $$"""{"product":"Photo Pro","category":"crash","summary":"a{{Nul}}b"}""", "summary" },
        new object[] { "/api/webhooks", $$"""{"url":"http://127.0.0.1:9/hook","eventTypes":["complaint.assigned{{Nul}}"],"partyId":"acme"}""", "eventTypes[0]" },
        new object[] { "/api/imports", $$"""{"source":"legacy","mapping":{"caseId":"case{{Nul}}","timestamp":"at","timestampFormat":"yyyy-MM-dd","party":"team"},"csv":"case,at,team\n1,2026-01-01,acme\n"}""", "mapping.caseId" },
        new object[] { "/api/imports", $$"""{"source":"legacy","mapping":{"caseId":"case","timestamp":"at","timestampFormat":"yyyy-MM-dd","party":"team"},"csv":"case,at,team\n1{{Nul}},2026-01-01,acme\n"}""", "csv" },
    ];

    [TestCaseSource(nameof(Bodies))]
    public async Task A_body_field_the_store_cannot_hold_is_a_400_naming_it_and_nothing_is_written(string path, string body, string field)
    {
        var before = await StoreSnapshot.TakeAsync(market.Id);
        using var response = await market.Operator.PostRawAsync(path, body);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { field }));
        Assert.That(problem.Errors[field][0], Does.Contain("NUL"));
        Assert.That(await StoreSnapshot.TakeAsync(market.Id), Is.EqualTo(before));
    }

    [Test]
    public async Task A_question_with_a_NUL_is_a_400_naming_it()
    {
        using var response = await market.Acme.PostRawAsync($"/api/complaints/{held}/information-requests", $$"""{"question":"Which{{Nul}}?"}""");
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "question" }));
        Assert.That(await market.TimelineAsync(held), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_tenant_named_with_a_NUL_is_refused_and_not_created()
    {
        var id = $"t-{Guid.NewGuid():N}"[..14];
        using (var response = await Marketplace.Admin.PostRawAsync("/api/admin/tenants", $$"""{"id":"{{id}}","name":"N{{Nul}}","storeName":"S"}"""))
            Assert.That((await response.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EquivalentTo(new[] { "name" }));
        using var again = await Marketplace.Admin.PostAsync("/api/admin/tenants", new { id, name = "N", storeName = "S" });
        Assert.That((int)again.StatusCode, Is.EqualTo(201), await again.Content.ReadAsStringAsync());
    }

    [TestCase("/api/complaints?product=a%00b", "product")]
    [TestCase("/api/problems?product=a%00b", "product")]
    [TestCase("/api/scorecards/products?product=a%00b", "product")]
    [TestCase("/api/scorecards/products?category=a%00b", "category")]
    [TestCase("/api/scorecards/parties?category=a%00b", "category")]
    [TestCase("/api/complaints?cursor=%00", "cursor")]
    public async Task A_query_parameter_the_store_cannot_hold_is_a_400_naming_it(string path, string parameter)
    {
        using var response = await market.Acme.GetAsync(path);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { parameter }));
    }
}
