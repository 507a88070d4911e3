using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Complaints;

[Category("api")]
public sealed class ListTests
{
    [Test]
    public async Task Filters_by_status_holder_vendor_and_product()
    {
        var market = await Marketplace.CreateAsync();
        var atStore = await market.FileAsync("acme", "Photo Pro");
        var atAcme = await market.FileHeldByAsync("acme");
        var photon = await market.FileAsync("photon", "Lens X");
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{atStore.Id}/acknowledgement", null);

        Assert.That(await IdsAsync(market.Operator, "holder=acme"), Is.EqualTo(new[] { atAcme.Id }));
        Assert.That(await IdsAsync(market.Operator, "vendor=photon"), Is.EqualTo(new[] { photon.Id }));
        Assert.That(await IdsAsync(market.Operator, "product=Lens%20X"), Is.EqualTo(new[] { photon.Id }));
        Assert.That(await IdsAsync(market.Operator, "status=InProgress"), Is.EqualTo(new[] { atStore.Id }));
        Assert.That(await IdsAsync(market.Operator, "status=Open&holder=store"), Is.EqualTo(new[] { photon.Id }));
    }

    [TestCase("status=1")]
    [TestCase("status=-1")]
    [TestCase("status=Parked")]
    public async Task A_status_that_is_not_one_by_name_is_refused_naming_it(string query)
    {
        var market = await Marketplace.CreateAsync();

        using var response = await market.Operator.GetAsync($"/api/complaints?{query}");

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Does.Contain("status"));
        Assert.That(problem.Errors["status"].Single(), Does.Contain("InProgress"), "the message lists the statuses by name");
    }

    [Test]
    public async Task Filters_by_filing_date()
    {
        var market = await Marketplace.CreateAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var filed = await market.FileAsync();
        var from = Uri.EscapeDataString(before.ToString("O"));
        var to = Uri.EscapeDataString(before.AddSeconds(-10).ToString("O"));

        Assert.That(await IdsAsync(market.Operator, $"openedFrom={from}"), Is.EqualTo(new[] { filed.Id }));
        Assert.That(await IdsAsync(market.Operator, $"openedTo={to}"), Is.Empty);
    }

    [Test]
    public async Task Pages_through_every_complaint_newest_first_with_a_cursor()
    {
        var market = await Marketplace.CreateAsync();
        var filed = new List<Guid>();
        for (var i = 0; i < 7; i++)
            filed.Add((await market.FileAsync()).Id);

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await market.Operator.GetJsonAsync<ListResponse>($"/api/complaints?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(Enumerable.Reverse(filed)));
    }

    [Test]
    public async Task A_vendor_lists_only_the_complaints_it_holds_or_has_held()
    {
        var market = await Marketplace.CreateAsync();
        var heldByAcme = await market.FileHeldByAsync("acme");
        var passedOn = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{passedOn.Id}/handoffs", new { to = "photon", reason = "NotOurComponent" });
        await market.FileAsync("acme");
        await market.FileHeldByAsync("photon");

        Assert.That(await IdsAsync(market.Acme, ""), Is.EquivalentTo(new[] { heldByAcme.Id, passedOn.Id }));
        Assert.That(await IdsAsync(market.Photon, ""), Has.Count.EqualTo(2).And.Contains(passedOn.Id));
    }

    private static async Task<IReadOnlyList<Guid>> IdsAsync(ApiClient client, string query) =>
        [.. (await client.GetJsonAsync<ListResponse>($"/api/complaints?{query}")).Items.Select(c => c.Id)];
}
