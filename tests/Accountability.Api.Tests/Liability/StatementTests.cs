using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Statements;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Webhooks;
using Accountability.Domain.Liability;
using Npgsql;

namespace Accountability.Api.Tests.Liability;

/// <summary>Statements (docs/liability.md#statements): the request's guards, a month's close and its finality, the ledger rebuilt from the events.</summary>
[Category("api")]
public sealed class StatementTests
{
    private Marketplace market = null!;

    private static readonly object Resolution = new
    {
        rootCause = "ProductDefect", liableParty = "acme", remedy = "Refunded the order", remedyKind = "Refund", amount = new { amount = 19.99m, currency = "EUR" },
    };

    [OneTimeSetUp]
    public async Task CreateMarketplace() => market = await Marketplace.CreateAsync();

    [TestCase("from=2026-01", "party")]
    [TestCase("party=acme", "from")]
    [TestCase("party=acme&from=2026-13", "from")]
    [TestCase("party=acme&from=2026-01&to=2026-1", "to")]
    [TestCase("party=acme&from=2026-03&to=2026-02", "to")]
    [TestCase("party=acme&from=2026-01&to=2028-01", "to")]
    [TestCase("party=acme&from=2026-01&format=xml", "format")]
    [TestCase("party=Not%20an%20id&from=2026-01", "party")]
    public async Task A_bad_parameter_is_refused_naming_it(string query, string named)
    {
        using var response = await market.Operator.GetAsync($"/api/statements?{query}");
        Assert.That((await response.ShouldBeProblemAsync(400, "validation")).Errors!.Keys.Select(k => k.ToLowerInvariant()), Is.EqualTo(new[] { named }));
    }

    [TestCase("Mars/Olympus_Mons", 3, "statements.timeZone")]
    [TestCase("Europe/Paris", 61, "statements.closeAfterDays")]
    public async Task The_policy_refuses_statement_settings_out_of_range_naming_the_field(string zone, int days, string named)
    {
        var policy = PolicyJson.Editable();
        policy["statements"] = new System.Text.Json.Nodes.JsonObject { ["timeZone"] = zone, ["closeAfterDays"] = days };
        using var response = await market.Operator.PutAsync("/api/policy", policy);
        Assert.That((await response.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EqualTo(new[] { named }));
        Assert.That((await market.Operator.GetJsonAsync<Domain.Rules.Policy>("/api/policy")).Statements, Is.EqualTo(StatementSettings.Default));
    }

    [Test]
    public async Task A_vendor_reads_its_own_statements_only()
    {
        using (var other = await market.Acme.GetAsync("/api/statements?party=photon&from=2026-01"))
            Assert.That((await other.ShouldBeProblemAsync(403, "forbidden")).Detail, Does.Contain("'photon'"));
        var own = await market.Acme.GetJsonAsync<PartyStatements>("/api/statements?from=2026-01&to=2026-02");
        Assert.That((own.Party, own.TimeZone, own.Months.Select(m => (m.Period, m.State, m.Net.Count))),
            Is.EqualTo(("acme", "UTC", new[] { ("2026-01", StatementState.Open, 0), ("2026-02", StatementState.Open, 0) })));
    }

    [Test]
    public async Task A_month_closes_once_after_its_grace_days_and_a_reversal_after_the_close_lands_in_the_next_statement()
    {
        await using var acmeReceiver = await Receiver.StartAsync();
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runWebhooks: true, clock: clock);
        var own = await node.CreateMarketplaceAsync();
        var policy = PolicyJson.Editable();
        policy["statements"] = new System.Text.Json.Nodes.JsonObject { ["timeZone"] = "Europe/Paris", ["closeAfterDays"] = 3 };
        using (var put = await own.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));
        await own.Acme.PostJsonAsync<Features.Webhooks.EndpointWithSecret>("/api/webhooks",
            new { url = acmeReceiver.Url, eventTypes = new[] { Features.Webhooks.WebhookEventTypes.StatementReady } }, 201);

        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var month = StatementPeriod.Of(clock.GetUtcNow(), paris);
        async Task<string> ChargeAsync()
        {
            var held = await own.FileHeldByAsync("acme");
            await own.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/resolution", Resolution);
            var charge = (await own.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}")).Charges!.Single();
            return $"/api/complaints/{held.Id}/charges/{charge.Id}/reversal";
        }
        var (inGrace, afterClose) = (await ChargeAsync(), await ChargeAsync());

        clock.Advance(month.End(paris).AddDays(1) - clock.GetUtcNow());
        await own.Operator.PostJsonAsync<ComplaintView>(inGrace, new { reason = "Charged by mistake" });
        var closer = node.Host.Services.GetRequiredService<StatementCloser>();
        Assert.That(await closer.CloseDueAsync(CancellationToken.None, own.Id), Is.EqualTo(0), "a month stays open for its grace days");

        clock.Advance(month.ClosesAt(paris, 3) - clock.GetUtcNow());
        var closings = await Task.WhenAll(closer.CloseDueAsync(CancellationToken.None, own.Id), closer.CloseDueAsync(CancellationToken.None, own.Id));
        Assert.That(closings.Sum(), Is.EqualTo(1), "the month closes once");
        await own.Operator.PostJsonAsync<ComplaintView>(afterClose, new { reason = "Charged by mistake too" });

        var query = $"/api/statements?party=acme&from={month}&to={month.Next}";
        var read = await own.Operator.GetJsonAsync<PartyStatements>(query);
        Assert.That(read.Months.Select(m => (m.Period, m.State, m.Charges.Count, m.Reversals.Count, m.Complaints.Count, string.Join(";", m.Net.Select(n => $"{n.Key} {n.Value}")))),
            Is.EqualTo(new[]
            {
                (month.ToString(), StatementState.Closed, 2, 1, 2, "EUR 19.99"),
                (month.Next.ToString(), StatementState.Open, 0, 1, 1, "EUR -19.99"),
            }), "the reversal in the grace days corrected the closed month; the one after its close landed in the next");
        Assert.That(await own.Acme.GetJsonAsync<PartyStatements>($"/api/statements?from={month}&to={month.Next}"), Is.EqualTo(read).Using<PartyStatements>(
            (a, b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b)), "the vendor reads the same");

        using (var csv = await own.Operator.GetAsync(query, h => h.Accept.ParseAdd("text/csv")))
        {
            var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.That((csv.Content.Headers.ContentType!.MediaType, rows[0], rows.Length), Is.EqualTo(("text/csv", string.Join(',', StatementCsv.Header), 1 + 3 + 1 + 1 + 1)));
            Assert.That(rows[^1], Does.StartWith($"acme,{month.Next},Open,Net,,,,,,,EUR,-19.99"));
        }

        var ready = JsonDocument.Parse((await acmeReceiver.WaitForAsync(1)).Single().Body).RootElement;
        Assert.That((ready.GetProperty("type").GetString(), ready.GetProperty("party").GetString(), ready.GetProperty("data").GetProperty("period").GetString(),
            ready.GetProperty("data").GetProperty("net").GetProperty("EUR").GetDecimal()), Is.EqualTo(("statement.ready", "acme", month.ToString(), 19.99m)));

        var book = node.Host.Services.GetRequiredService<StatementBook>();
        var written = await LedgerAsync(node.Host.Services.GetRequiredService<NpgsqlDataSource>(), node.Schema, own.Id);
        Assert.That(await book.RebuildAsync(own.Id, CancellationToken.None), Is.EqualTo(4));
        Assert.That(await LedgerAsync(node.Host.Services.GetRequiredService<NpgsqlDataSource>(), node.Schema, own.Id), Is.EqualTo(written),
            "the ledger rebuilt from the events is the one the writes made");
    }

    private static async Task<IReadOnlyList<string>> LedgerAsync(NpgsqlDataSource database, string schema, string tenant)
    {
        await using var command = database.CreateCommand($"""
            select concat_ws('|', complaint_id, version, party, period, kind, charge_id, currency, amount_minor, at, charged_at, outcome)
            from {schema}.{StatementTables.Entries} where tenant_id = $1 order by complaint_id, version
            """);
        command.Parameters.Add(new() { Value = tenant });
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
