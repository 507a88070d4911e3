using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Scorecards;

/// <summary>
/// The scorecards against the events: one realistic marketplace, its figures recomputed from the raw streams, read
/// again after a rebuild from scratch, and as CSV. The tests only read, so they share the marketplace.
/// </summary>
[Category("api")]
public sealed class ScorecardFigureTests
{
    private ProjectionWorker worker = null!;
    private ScorecardScenario scenario = null!;
    private ScorecardOracle oracle = null!;

    [OneTimeSetUp]
    public async Task BuildMarketplace()
    {
        var clock = new ShiftableClock();
        worker = new ProjectionWorker(clock: clock, runScheduler: true);
        scenario = await ScorecardScenario.BuildAsync(worker, clock);
        await worker.CatchUpAsync();
        var listed = await scenario.Market.Operator.GetJsonAsync<Features.Complaints.List.Response>("/api/complaints?limit=200");
        oracle = await ScorecardOracle.ReadAsync(worker.Store, scenario.Market.Id, listed.Items.Select(c => c.Id), ["acme", "photon", "store"]);
    }

    [OneTimeTearDown]
    public async Task StopWorker() => await worker.DisposeAsync();

    /// <summary>
    /// Periods that take each way through the tables: whole days only (the per-day sums), parts of a day (the facts),
    /// both, and filters the sums do not carry.
    /// </summary>
    private IEnumerable<(string Query, ScorecardFilter Filter)> Filters()
    {
        var today = new DateTimeOffset(scenario.Midpoint.UtcDateTime.Date, TimeSpan.Zero);
        var (yesterdayNoon, tomorrowNoon) = (today.AddHours(-12), today.AddHours(36));
        return
        [
            ("", new ScorecardFilter()),
            ($"from={Q(today)}", new ScorecardFilter(From: today)),
            ($"from={Q(yesterdayNoon)}&to={Q(tomorrowNoon)}&party=store", new ScorecardFilter(yesterdayNoon, tomorrowNoon, Party: "store")),
            ($"from={Q(scenario.Midpoint)}", new ScorecardFilter(From: scenario.Midpoint)),
            ($"to={Q(scenario.Midpoint)}", new ScorecardFilter(To: scenario.Midpoint)),
            ($"from={Q(scenario.Midpoint)}&to={Q(scenario.End)}&product=Photo%20Pro", new ScorecardFilter(scenario.Midpoint, scenario.End, Product: "Photo Pro")),
            ("category=crash&party=photon", new ScorecardFilter(Party: "photon", Category: "crash")),
        ];
    }

    [Test]
    public async Task Party_figures_agree_with_a_recomputation_from_the_event_streams()
    {
        foreach (var (query, filter) in Filters())
        {
            var cards = await scenario.Market.Operator.GetJsonAsync<PartyScorecards>($"/api/scorecards/parties?{query}");
            Figures.ShouldMatch(cards.Parties, oracle.Parties(filter, cards.AsOf), $"parties?{query}");
        }
    }

    [Test]
    public async Task Product_figures_agree_with_a_recomputation_from_the_event_streams()
    {
        foreach (var (query, filter) in Filters())
        {
            var cards = await scenario.Market.Operator.GetJsonAsync<ProductScorecards>($"/api/scorecards/products?{query}");
            Figures.ShouldMatch(cards.Products, oracle.Products(filter), $"products?{query}");
        }
    }

    [Test]
    public async Task The_history_shows_every_kind_of_figure_and_time_held_agrees_with_the_complaints_own_clocks()
    {
        var cards = await scenario.Market.Operator.GetJsonAsync<PartyScorecards>("/api/scorecards/parties");
        var byParty = cards.Parties.ToDictionary(p => p.Party);
        Assert.Multiple(() =>
        {
            Assert.That(cards.Parties.Select(p => p.Party), Is.EqualTo(new[] { "acme", "photon", "store" }));
            Assert.That(byParty["store"].ComplaintsReceived, Is.EqualTo(8), "every complaint starts with the store");
            Assert.That(byParty["store"].BouncedBack, Is.GreaterThan(0));
            Assert.That(byParty["photon"].CustomerDeflections, Is.EqualTo(1));
            Assert.That(byParty["photon"].FlagsByRule["customer-deflection"], Is.EqualTo(1));
            Assert.That(byParty["store"].FlagsByRule["reopen-loop"], Is.EqualTo(1));
            Assert.That(cards.Parties.Sum(p => p.FlagsByRule["ping-pong"] + p.FlagsByRule["cycle"] + p.FlagsByRule["evidence-free-handoff"]), Is.GreaterThanOrEqualTo(3));
            Assert.That(byParty["store"].ReopenedResolutions, Is.EqualTo(3));
            Assert.That(byParty["acme"].Rating, Is.EqualTo(new Rating(1, 4)));
            Assert.That(byParty["store"].ResolutionsByLiableParty["store"], Is.EqualTo(4));
            // The default judgment against acme is the store's resolution; acme resolved only its own fix.
            Assert.That((byParty["store"].ResolutionsByLiableParty["acme"], byParty["acme"].Resolutions), Is.EqualTo((1, 1)));
            // Photon's refund of EUR 19.99, 70/30 with acme; acme's EUR 6.00 reversed and charged to the store (docs/liability.md).
            Assert.That((byParty["photon"].FoundLiable, byParty["photon"].AmountCharged["EUR"], byParty["acme"].AmountCharged["EUR"], byParty["store"].AmountCharged["EUR"]),
                Is.EqualTo((1, 13.99m, 0m, 6m)));
            // Acme's appeal of its EUR 10.00 was overturned (won, the charge reversed); photon's upheld (lost).
            Assert.That((byParty["acme"].AppealsWon, byParty["acme"].AppealsLost, byParty["photon"].AppealsWon, byParty["photon"].AppealsLost, byParty["store"].AppealsWon + byParty["store"].AppealsLost),
                Is.EqualTo((1, 0, 0, 1, 0)));
        });
        var domain = oracle.TimeHeldByDomain(cards.AsOf);
        foreach (var card in cards.Parties)
            Assert.That(card.TimeHeldSeconds + card.HeldNowSeconds, Is.EqualTo(domain.GetValueOrDefault(card.Party)).Within(1e-3), card.Party);
    }

    [Test]
    public async Task A_rebuild_from_scratch_gives_the_same_figures()
    {
        var before = await EveryFigureAsync();
        await worker.Daemon.RebuildProjectionAsync(ScorecardProjection.ProjectionName, TimeSpan.FromMinutes(2), CancellationToken.None);
        await worker.CatchUpAsync();
        var after = await EveryFigureAsync();
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task Csv_holds_the_same_figures_as_json()
    {
        foreach (var (query, _) in Filters().Take(3))
        {
            var partiesCsv = await CsvAsync($"/api/scorecards/parties?{query}&format=csv");
            var parties = await scenario.Market.Operator.GetJsonAsync<PartyScorecards>($"/api/scorecards/parties?{query}");
            Assert.That(WithoutHeldNowSeconds(partiesCsv), Is.EqualTo(WithoutHeldNowSeconds(ScorecardCsv.Write(parties))));
            var products = await scenario.Market.Operator.GetJsonAsync<ProductScorecards>($"/api/scorecards/products?{query}");
            Assert.That(await CsvAsync($"/api/scorecards/products?{query}", accept: "text/csv"), Is.EqualTo(ScorecardCsv.Write(products)));
        }
        var csv = await CsvAsync("/api/scorecards/parties?format=csv");
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        var json = await scenario.Market.Operator.GetJsonAsync<PartyScorecards>("/api/scorecards/parties");
        var received = Array.IndexOf(rows[0], "complaintsReceived");
        Assert.That(rows.Skip(1).Select(r => (r[0], int.Parse(r[received]))), Is.EqualTo(json.Parties.Select(p => (p.Party, p.ComplaintsReceived))));
    }

    /// <summary>Every filter's figures, but for how long running holds have run so far, which grows as the test runs.</summary>
    private async Task<string> EveryFigureAsync()
    {
        var figures = new List<object>();
        foreach (var (query, _) in Filters())
        {
            var parties = await scenario.Market.Operator.GetJsonAsync<PartyScorecards>($"/api/scorecards/parties?{query}");
            figures.Add(parties.Parties.Select(p => p with { HeldNowSeconds = 0 }));
            figures.Add((await scenario.Market.Operator.GetJsonAsync<ProductScorecards>($"/api/scorecards/products?{query}")).Products);
        }
        return System.Text.Json.JsonSerializer.Serialize(figures, ApiClient.Json);
    }

    private async Task<string> CsvAsync(string path, string? accept = null)
    {
        using var response = await scenario.Market.Operator.GetAsync(path, h => { if (accept is not null) h.Accept.ParseAdd(accept); });
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The CSV without the column that grows between two calls.</summary>
    private static string WithoutHeldNowSeconds(string csv)
    {
        var rows = csv.Split("\r\n").Select(r => r.Split(',')).ToList();
        var column = Array.IndexOf(rows[0], "heldNowSeconds");
        return string.Join("\n", rows.Select(r => string.Join(',', r.Where((_, i) => i != column))));
    }

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));
}
