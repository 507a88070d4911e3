using System.Text.RegularExpressions;
using Accountability.Api.Features.Statements;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Liability;
using Npgsql;

namespace Accountability.Api.Tests.Liability;

/// <summary>
/// The closer's search for the months due reads a few index entries, not the ledger's history; and it closes a
/// marketplace's months from the one it was created in, lines or none. On a node and schema of their own (as
/// <see cref="Complaints.ListIndexTests"/>), with a clock the test moves.
/// </summary>
[Category("api")]
public sealed class StatementCloserTests
{
    private readonly ShiftableClock clock = new(standsStill: true);
    private IsolatedNode node = null!;

    [OneTimeSetUp]
    public void StartNode() => node = IsolatedNode.Start(clock: clock);

    [OneTimeTearDown]
    public async Task StopNode() => await node.DisposeAsync();

    [Test]
    public async Task The_search_for_months_due_reads_one_ledger_row_whatever_the_history()
    {
        // Three years of 400 lines a month, all but the last month closed, written, analysed, explained and rolled back.
        var tenant = $"plan-{Guid.NewGuid():N}"[..17];
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var seed = new NpgsqlCommand($"""
            insert into {node.Schema}.{StatementTables.Entries} (tenant_id, complaint_id, version, party, period, kind, charge_id, currency, amount_minor, at, charged_at)
                select @tenant, gen_random_uuid(), 1, 'v' || i % 5, to_char(date '2023-01-01' + (i / 400) * interval '1 month', 'YYYY-MM'), 'Charge',
                    gen_random_uuid(), 'EUR', 1999, now(), now()
                from generate_series(0, 36 * 400 - 1) i;
            insert into {node.Schema}.{StatementTables.Closes} (tenant_id, period, closed_at)
                select @tenant, to_char(date '2023-01-01' + m * interval '1 month', 'YYYY-MM'), now() from generate_series(0, 34) m;
            analyze {node.Schema}.{StatementTables.Entries};
            analyze {node.Schema}.{StatementTables.Closes};
            set local enable_seqscan = off;
            """, connection, transaction) { Parameters = { new("tenant", tenant) } })
            await seed.ExecuteNonQueryAsync();

        var lines = new List<string>();
        await using (var explain = new NpgsqlCommand("explain (analyze, costs off, timing off, summary off) " + StatementCloser.BoundsSql(node.Schema), connection, transaction))
        {
            explain.Parameters.Add(new() { Value = tenant });
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
        }
        var plan = string.Join('\n', lines);
        TestContext.Out.WriteLine(plan);
        var ledgerRowsRead = lines.Where(l => l.Contains(StatementTables.Entries)).Select(l => Regex.Match(l, @"actual rows=(\d+) loops=(\d+)"))
            .Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value) * int.Parse(m.Groups[2].Value));
        Assert.That(ledgerRowsRead, Is.LessThanOrEqualTo(1), plan);
        Assert.That(plan, Does.Contain(StatementTables.TenantPeriodIndex), plan);
    }

    [Test]
    public async Task Months_with_no_lines_close_from_the_marketplaces_first_month_for_every_party()
    {
        var market = await node.CreateMarketplaceAsync();
        var first = StatementPeriod.Of(clock.GetUtcNow(), TimeZoneInfo.Utc);
        var before = first.Month == 1 ? new StatementPeriod(first.Year - 1, 12) : first with { Month = first.Month - 1 };
        clock.Advance(first.Next.ClosesAt(TimeZoneInfo.Utc, StatementSettings.Default.CloseAfterDays) - clock.GetUtcNow());
        var closer = node.Host.Services.GetRequiredService<StatementCloser>();
        Assert.That(await closer.CloseDueAsync(CancellationToken.None, market.Id), Is.EqualTo(2), "the month it was created in and the next");
        Assert.That(await closer.CloseDueAsync(CancellationToken.None, market.Id), Is.EqualTo(0), "each once");

        var read = await market.Acme.GetJsonAsync<PartyStatements>($"/api/statements?from={before}&to={first.Next.Next}");
        Assert.That(read.Months.Select(m => (m.Period, m.State, m.Complaints.Count, m.Net.Count)), Is.EqualTo(new[]
        {
            (before.ToString(), StatementState.Open, 0, 0),
            (first.ToString(), StatementState.Closed, 0, 0),
            (first.Next.ToString(), StatementState.Closed, 0, 0),
            (first.Next.Next.ToString(), StatementState.Open, 0, 0),
        }), "before the marketplace: no statement period; after: closed and empty; the month now: open");
    }
}
