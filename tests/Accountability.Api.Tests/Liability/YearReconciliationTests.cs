using Accountability.Api.Features.Scorecards;
using Accountability.Api.Features.Statements;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using static Accountability.Api.Tests.Liability.YearOfHistory;
using ScorecardFigures = Accountability.Api.Tests.Scorecards.Figures;
using ScorecardOracle = Accountability.Api.Tests.Scorecards.ScorecardOracle;

namespace Accountability.Api.Tests.Liability;

/// <summary>
/// A year of whole complaint histories (<see cref="YearOfHistory"/>) appended straight to the event store (COPY, as an
/// import does) on a worker's schema, from which the service builds both the statements (the ledger rebuilt, every
/// month closed) and the scorecards (its projection daemon). Each party's statements are compared, to the minor unit,
/// with sums worked out here from the definitions (docs/liability.md#statements), and every party's and product's
/// scorecard with <see cref="ScorecardOracle"/>'s recomputation from the same histories, not by the service's code.
/// </summary>
[Category("api")]
public sealed class YearReconciliationTests
{
    private const int Complaints = 5_000;

    [Test]
    public async Task A_year_of_history_rebuilt_from_the_events_reconciles_statements_and_scorecards_to_the_minor_unit()
    {
        // A failure's seed replays its history: add -- TestRunParameters.Parameter(name=\"seed\", value=\"<seed>\") to the run.
        var seed = TestContext.Parameters.Get("seed", Environment.TickCount);
        TestContext.Out.WriteLine($"Seed {seed}");
        var random = new Random(seed);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var worker = new ProjectionWorker();
        var market = await worker.CreateMarketplaceAsync();
        var policy = PolicyJson.Editable();
        policy["statements"] = new System.Text.Json.Nodes.JsonObject { ["timeZone"] = "Europe/Paris", ["closeAfterDays"] = 3 };
        // The detector of recurring problems reads the complaints' documents, which a COPY does not write: nothing for it here.
        policy["recurringProblems"]!["enabled"] = false;
        using (var put = await market.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));

        var streams = Enumerable.Range(0, Complaints).Select(_ => Complaint(random)).ToList();
        await AppendAsync(worker.Services, market.Id, [.. streams.Select(s => (s.Id, 1L, s.Events))], newStreams: true);
        var book = worker.Services.GetRequiredService<StatementBook>();
        var expected = Expected(streams);
        Assert.That(await book.RebuildAsync(market.Id, CancellationToken.None), Is.EqualTo(expected.Sum(e => e.Value.Lines)));
        var closedAt = DateTimeOffset.UtcNow;
        Assert.That(await worker.Services.GetRequiredService<StatementCloser>().CloseDueAsync(CancellationToken.None, market.Id), Is.GreaterThanOrEqualTo(12));
        await CompareAsync(market, "2025-01", "2025-12", expected, seed);

        // Then corrections recorded in 2026 of charges from 2025, whose months are closed: each lands on the first month
        // not closed from the month it was recorded in, and the closed statements stay as they were.
        var corrections = Corrections(random, streams, closedAt);
        await AppendAsync(worker.Services, market.Id, corrections, newStreams: false);
        Assert.That(await book.RebuildAsync(market.Id, CancellationToken.None), Is.EqualTo(expected.Sum(e => e.Value.Lines) + corrections.Count));
        await CompareAsync(market, "2025-01", "2025-12", expected, seed);
        // A correction's replacement charge of late December may have been recorded in January: its month is 2026's.
        var later = expected;
        foreach (var (id, _, events) in corrections)
        {
            var reversal = (ChargeReversed)events.Single();
            var charge = streams.Single(s => s.Id == id).Events.OfType<ChargeCreated>().Single(c => c.ChargeId == reversal.ChargeId);
            var month = FirstOpen(reversal.At, closedAt);
            var f = later.TryGetValue((charge.Party, month), out var known) ? known : later[(charge.Party, month)] = new Figures();
            f.Reversals++;
            f.ComplaintIds.Add(id);
            f.Minor[charge.Amount.Currency] = f.Minor.GetValueOrDefault(charge.Amount.Currency) - Minor(charge.Amount);
        }
        await CompareAsync(market, "2026-01", Month(closedAt), later, seed, finalTo: null);

        // The scorecards of the whole history, the 2026 reversals included (each dated as the charge it takes back).
        var corrected = corrections.ToDictionary(c => c.Id, c => c.Events);
        var statementsDone = watch.Elapsed.TotalSeconds;
        var oracle = ScorecardOracle.Of(streams.Select(s => (s.Id, (IReadOnlyList<object>)[.. s.Events, .. corrected.GetValueOrDefault(s.Id, [])])), Parties);
        var oracleDone = watch.Elapsed.TotalSeconds;
        await worker.CatchUpAsync();
        var caughtUp = watch.Elapsed.TotalSeconds;
        await CompareScorecardsAsync(market, oracle, seed);
        TestContext.Out.WriteLine($"Statements {statementsDone:0.0} s, oracle {oracleDone:0.0} s, projection caught up {caughtUp:0.0} s, scorecards compared {watch.Elapsed.TotalSeconds:0.0} s");
        var whole = await market.Operator.GetJsonAsync<PartyScorecards>("/api/scorecards/parties");
        TestContext.Out.WriteLine($"{Complaints} complaints, {streams.Sum(s => s.Events.Count) + corrections.Count} events; " + string.Join("; ", whole.Parties.Select(p =>
            $"{p.Party}: found liable {p.FoundLiable}, appeals won {p.AppealsWon} lost {p.AppealsLost}, charged {string.Join(" ", p.AmountCharged.Select(a => $"{a.Key} {a.Value}"))}")));
    }

    private static async Task CompareAsync(Marketplace market, string from, string to, Dictionary<(string, string), Figures> expected, int seed,
        StatementState? finalTo = StatementState.Closed)
    {
        foreach (var party in Parties)
        {
            var read = await market.Operator.GetJsonAsync<PartyStatements>($"/api/statements?party={party}&from={from}&to={to}");
            foreach (var month in read.Months)
            {
                var want = expected.GetValueOrDefault((party, month.Period)) ?? new Figures();
                Assert.That((finalTo ?? month.State, month.Charges.Count, month.Reversals.Count, month.AppealsOpened.Count, month.AppealsDecided.Count,
                        month.Complaints.Count, string.Join(";", month.Net.Select(n => $"{n.Key} {n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))),
                    Is.EqualTo((month.State, want.Charges, want.Reversals, want.AppealsOpened, want.AppealsDecided, want.ComplaintIds.Count, want.Net())),
                    $"{party} {month.Period} (seed {seed})");
            }
        }
    }

    /// <summary>
    /// Every party's and product's card for each filter, against the oracle: the liability figures exactly (a failure names
    /// the party or product, the figure, the filter and the seed), then every other figure as the scorecard tests compare them.
    /// </summary>
    private static async Task CompareScorecardsAsync(Marketplace market, ScorecardOracle oracle, int seed)
    {
        foreach (var (query, filter) in ScorecardFilters())
        {
            var parties = await market.Operator.GetJsonAsync<PartyScorecards>($"/api/scorecards/parties?{query}");
            var wantParties = oracle.Parties(filter, parties.AsOf);
            Assert.That(parties.Parties.Select(p => p.Party), Is.EqualTo(wantParties.Select(p => p.Party)), $"parties?{query} (seed {seed})");
            foreach (var (card, want) in parties.Parties.Zip(wantParties))
                SameLiability($"party {card.Party}", query, seed, Liability(card), Liability(want));
            ScorecardFigures.ShouldMatch(parties.Parties, wantParties, $"parties?{query} (seed {seed})");

            var products = await market.Operator.GetJsonAsync<ProductScorecards>($"/api/scorecards/products?{query}");
            var wantProducts = oracle.Products(filter);
            Assert.That(products.Products.Select(p => p.Product), Is.EqualTo(wantProducts.Select(p => p.Product)), $"products?{query} (seed {seed})");
            foreach (var (card, want) in products.Products.Zip(wantProducts))
                SameLiability($"product {card.Product}", query, seed, Liability(card), Liability(want));
            ScorecardFigures.ShouldMatch(products.Products, wantProducts, $"products?{query} (seed {seed})");
        }
    }

    /// <summary>The whole history, each month of 2025 (whole days: the per-day sums), a period cut mid-day (the facts), and filters the sums do not carry.</summary>
    private static IEnumerable<(string Query, ScorecardFilter Filter)> ScorecardFilters()
    {
        static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));
        var year = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var (midMarch, lateSeptember) = (year.AddMonths(2).AddDays(14).AddHours(12), year.AddMonths(9).AddHours(-1.5));
        return
        [
            ("", new ScorecardFilter()),
            .. Enumerable.Range(0, 12).Select(m => (year.AddMonths(m), year.AddMonths(m + 1)))
                .Select(p => ($"from={Q(p.Item1)}&to={Q(p.Item2)}", new ScorecardFilter(p.Item1, p.Item2))),
            ($"from={Q(midMarch)}&to={Q(lateSeptember)}", new ScorecardFilter(midMarch, lateSeptember)),
            ("party=photon", new ScorecardFilter(Party: "photon")),
            ($"from={Q(midMarch)}&product=Pulse%20Watch", new ScorecardFilter(From: midMarch, Product: "Pulse Watch")),
            ("category=billing", new ScorecardFilter(Category: "billing")),
        ];
    }

    private static Dictionary<string, decimal> Liability(PartyScorecard card) => new(card.AmountCharged.Select(a => KeyValuePair.Create($"amountCharged[{a.Key}]", a.Value)))
    {
        ["foundLiable"] = card.FoundLiable, ["appealsWon"] = card.AppealsWon, ["appealsLost"] = card.AppealsLost,
    };

    private static Dictionary<string, decimal> Liability(ProductScorecard card) =>
        new() { ["foundLiable"] = card.FoundLiable, ["appealsWon"] = card.AppealsWon, ["appealsLost"] = card.AppealsLost };

    private static void SameLiability(string who, string query, int seed, Dictionary<string, decimal> actual, Dictionary<string, decimal> expected)
    {
        var filter = query == "" ? "the whole history" : query;
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys), $"{who}: the figures over {filter} (seed {seed})");
        foreach (var (figure, value) in expected)
            Assert.That(actual[figure], Is.EqualTo(value), $"{who}: {figure} over {filter} (seed {seed})");
    }

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static string Month(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(at.UtcDateTime, Paris);
        return $"{local.Year:D4}-{local.Month:D2}";
    }

    /// <summary>The month recorded, or the first after it, whose close (local midnight three days after its end) had not come when the months were closed.</summary>
    private static string FirstOpen(DateTimeOffset at, DateTimeOffset closedAt)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(at.UtcDateTime, Paris);
        var first = new DateTime(local.Year, local.Month, 1);
        while (TimeZoneInfo.ConvertTimeToUtc(first.AddMonths(1).AddDays(3), Paris) <= closedAt.UtcDateTime)
            first = first.AddMonths(1);
        return $"{first.Year:D4}-{first.Month:D2}";
    }

    /// <summary>Reversals, recorded between the new year and an hour before the close, of 300 charges of 2025 still standing.</summary>
    private static List<(Guid Id, long FirstVersion, List<IComplaintEvent> Events)> Corrections(Random random, List<(Guid Id, List<IComplaintEvent> Events)> streams,
        DateTimeOffset closedAt)
    {
        var newYear = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var span = (long)(closedAt.AddHours(-1) - newYear).TotalSeconds;
        var standing = streams.Where(s => s.Events[^1] is ChargeCreated && s.Events.Count(IsMoney) == 1);
        return [.. standing.OrderBy(_ => random.Next()).Take(300).Select(s =>
        {
            var at = newYear.AddSeconds(random.NextInt64(0, span));
            return (s.Id, s.Events.Count + 1L, new List<IComplaintEvent> { new ChargeReversed(((ChargeCreated)s.Events[^1]).ChargeId, "Found later", "store", at) });
        })];
    }

    private sealed class Figures
    {
        public int Charges, Reversals, AppealsOpened, AppealsDecided;
        public readonly HashSet<Guid> ComplaintIds = [];
        public readonly SortedDictionary<string, long> Minor = new(StringComparer.Ordinal);
        public int Lines => Charges + Reversals + AppealsOpened + AppealsDecided;

        public string Net() => string.Join(";", Minor.Select(m => $"{m.Key} {Major(m.Value, Decimals[m.Key])}"));

        private static string Major(long minor, int decimals)
        {
            var sign = minor < 0 ? "-" : "";
            var digits = Math.Abs(minor).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
            return decimals == 0 ? sign + digits : $"{sign}{digits[..^decimals]}.{digits[^decimals..]}";
        }
    }

    /// <summary>Each event's line goes to its charge's month in Paris (nothing was closed while they were recorded).</summary>
    private static Dictionary<(string, string), Figures> Expected(List<(Guid Id, List<IComplaintEvent> Events)> streams)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var figures = new Dictionary<(string, string), Figures>();
        var charges = new Dictionary<Guid, ChargeCreated>();
        foreach (var (id, events) in streams)
        {
            foreach (var e in events.Where(IsMoney))
            {
                var charge = e switch
                {
                    ChargeCreated c => charges[c.ChargeId] = c,
                    ChargeReversed r => charges[r.ChargeId],
                    ChargeAppealed a => charges[a.ChargeId],
                    AppealDecided d => charges[d.ChargeId],
                    _ => throw new InvalidOperationException(),
                };
                var local = TimeZoneInfo.ConvertTimeFromUtc(charge.At.UtcDateTime, paris);
                var key = (charge.Party, $"{local.Year:D4}-{local.Month:D2}");
                var f = figures.TryGetValue(key, out var known) ? known : figures[key] = new Figures();
                f.ComplaintIds.Add(id);
                var minor = Minor(charge.Amount);
                f.Minor[charge.Amount.Currency] = f.Minor.GetValueOrDefault(charge.Amount.Currency) + e switch
                {
                    ChargeCreated => minor,
                    ChargeReversed => -minor,
                    _ => 0,
                };
                _ = e switch
                {
                    ChargeCreated => f.Charges++,
                    ChargeReversed => f.Reversals++,
                    ChargeAppealed => f.AppealsOpened++,
                    _ => f.AppealsDecided++,
                };
            }
        }
        return figures;
    }
}
