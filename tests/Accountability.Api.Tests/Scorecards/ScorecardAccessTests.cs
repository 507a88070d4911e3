using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Scorecards;

/// <summary>Who sees which scorecards, and what a bad filter gets.</summary>
[Category("api")]
public sealed class ScorecardAccessTests
{
    private ProjectionWorker worker = null!;

    [OneTimeSetUp]
    public void StartWorker() => worker = new ProjectionWorker();

    [OneTimeTearDown]
    public async Task StopWorker() => await worker.DisposeAsync();

    [Test]
    public async Task A_vendor_sees_its_own_scorecard_and_only_the_products_of_complaints_it_has_held()
    {
        var market = await worker.CreateMarketplaceAsync();
        await HeldByAsync(market, "acme", "Photo Pro");
        await HeldByAsync(market, "photon", "Lens Kit");
        await market.FileAsync("acme", "Store Gift Card");
        await worker.CatchUpAsync();

        var acme = await market.Acme.GetJsonAsync<PartyScorecards>("/api/scorecards/parties");
        Assert.That(acme.Parties.Select(p => (p.Party, p.ComplaintsReceived)), Is.EqualTo(new[] { ("acme", 1) }));
        var own = await market.Acme.GetJsonAsync<PartyScorecards>("/api/scorecards/parties?party=acme");
        Assert.That(own.Parties.Select(p => p.Party), Is.EqualTo(new[] { "acme" }));
        using (var other = await market.Acme.GetAsync("/api/scorecards/parties?party=photon"))
            await other.ShouldBeProblemAsync(403, "forbidden");
        using (var otherProducts = await market.Photon.GetAsync("/api/scorecards/products?party=acme&format=csv"))
            await otherProducts.ShouldBeProblemAsync(403, "forbidden");

        var products = await market.Acme.GetJsonAsync<ProductScorecards>("/api/scorecards/products");
        Assert.That(products.Products.Select(p => (p.Product, p.Complaints)), Is.EqualTo(new[] { ("Photo Pro", 1) }));
        var photonCsv = await (await market.Photon.GetAsync("/api/scorecards/products?format=csv")).Content.ReadAsStringAsync();
        Assert.That(photonCsv, Does.Contain("Lens Kit").And.Not.Contains("Photo Pro").And.Not.Contains("Store Gift Card"));

        var all = await market.Operator.GetJsonAsync<ProductScorecards>("/api/scorecards/products");
        Assert.That(all.Products.Select(p => p.Product), Is.EquivalentTo(new[] { "Photo Pro", "Lens Kit", "Store Gift Card" }));
    }

    [Test]
    public async Task A_marketplace_sees_none_of_another_marketplaces_figures()
    {
        var busy = await worker.CreateMarketplaceAsync();
        await HeldByAsync(busy, "acme", "Photo Pro");
        await HeldByAsync(busy, "acme", "Photo Pro");
        var quiet = await worker.CreateMarketplaceAsync();
        await worker.CatchUpAsync();

        var parties = await quiet.Operator.GetJsonAsync<PartyScorecards>("/api/scorecards/parties");
        Assert.That(parties.Parties.Select(p => p.Party), Is.EqualTo(new[] { "acme", "photon", "store" }));
        Assert.That(parties.Parties.Sum(p => p.ComplaintsReceived + p.HandoffsOut + p.HeldNow), Is.Zero);
        Assert.That((await quiet.Operator.GetJsonAsync<ProductScorecards>("/api/scorecards/products")).Products, Is.Empty);
        Assert.That((await quiet.Acme.GetJsonAsync<ProductScorecards>("/api/scorecards/products?product=Photo%20Pro")).Products, Is.Empty);
        var busyAcme = (await busy.Operator.GetJsonAsync<PartyScorecards>("/api/scorecards/parties?party=acme")).Parties.Single();
        Assert.That((busyAcme.ComplaintsReceived, busyAcme.HeldNow), Is.EqualTo((2, 2)));
    }

    [TestCase("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [TestCase("from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [TestCase("from=yesterday")]
    [TestCase("to=2026-13-45")]
    [TestCase("party=Not%20A%20Party")]
    [TestCase("format=xml")]
    [TestCase("product=")]
    public async Task A_bad_filter_is_refused_as_a_validation_problem(string query)
    {
        var market = await worker.CreateMarketplaceAsync();
        foreach (var route in new[] { "parties", "products" })
        {
            using var response = await market.Operator.GetAsync($"/api/scorecards/{route}?{query}");
            await response.ShouldBeProblemAsync(400, "validation");
        }
    }

    [Test]
    public async Task The_CSV_says_it_is_UTF_8_so_a_product_named_in_any_script_reads_back_whole()
    {
        var market = await worker.CreateMarketplaceAsync();
        const string product = "Cámara Ñandú 写真 Фото";
        await HeldByAsync(market, "acme", product);
        await worker.CatchUpAsync();

        foreach (var route in new[] { "products", "parties" })
        {
            using var response = await market.Operator.GetAsync($"/api/scorecards/{route}?format=csv");
            var type = response.Content.Headers.ContentType;
            Assert.That((type?.MediaType, type?.CharSet), Is.EqualTo(("text/csv", "utf-8")), route);
        }
        using var csv = await market.Operator.GetAsync("/api/scorecards/products?format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Does.Contain(product));
    }

    [Test]
    public async Task Scorecards_need_a_key()
    {
        using var response = await ApiClient.Anonymous.GetAsync("/api/scorecards/parties");
        await response.ShouldBeProblemAsync(401, "unauthenticated");
    }

    private static async Task HeldByAsync(Marketplace market, string vendor, string product)
    {
        var filed = await market.FileAsync(vendor, product);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = vendor, reason = "NeedsVendorFix", evidence = new[] { "log" } });
    }
}
