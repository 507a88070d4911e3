using Accountability.Api.Features.Statements;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Marten;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;

namespace Accountability.Api.Tests.Liability;

/// <summary>
/// A year of charges, reversals, corrections and appeals appended straight to the event store (COPY, as an import does),
/// the ledger rebuilt from them, every month closed, and each party's statements compared, to the minor unit, with sums
/// worked out here from the definitions (docs/liability.md#statements), not by the service's code.
/// </summary>
[Category("api")]
public sealed class StatementReconciliationTests
{
    private const int Complaints = 5_000;
    private static readonly string[] Parties = ["acme", "photon", "store"];
    private static readonly Dictionary<string, int> Decimals = new() { ["JPY"] = 0, ["BHD"] = 3, ["EUR"] = 2 };

    [Test]
    public async Task A_year_of_history_rebuilt_from_the_events_reconciles_to_the_minor_unit()
    {
        var seed = Environment.TickCount;
        TestContext.Out.WriteLine($"Seed {seed}");
        var random = new Random(seed);
        var market = await Marketplace.CreateAsync();
        var policy = PolicyJson.Editable();
        policy["statements"] = new System.Text.Json.Nodes.JsonObject { ["timeZone"] = "Europe/Paris", ["closeAfterDays"] = 3 };
        using (var put = await market.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));

        var streams = Enumerable.Range(0, Complaints).Select(_ => History(random)).ToList();
        await AppendAsync(market.Id, [.. streams.Select(s => (s.Id, 1L, s.Events))], newStreams: true);
        var book = ServiceUnderTest.Services.GetRequiredService<StatementBook>();
        var expected = Expected(streams);
        Assert.That(await book.RebuildAsync(market.Id, CancellationToken.None), Is.EqualTo(expected.Sum(e => e.Value.Lines)));
        var closedAt = DateTimeOffset.UtcNow;
        Assert.That(await ServiceUnderTest.Services.GetRequiredService<StatementCloser>().CloseDueAsync(CancellationToken.None, market.Id), Is.GreaterThanOrEqualTo(12));
        await CompareAsync(market, "2025-01", "2025-12", expected, seed);

        // Then corrections recorded in 2026 of charges from 2025, whose months are closed: each lands on the first month
        // not closed from the month it was recorded in, and the closed statements stay as they were.
        var corrections = Corrections(random, streams, closedAt);
        await AppendAsync(market.Id, corrections, newStreams: false);
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

    private static long Minor(Money amount) => (long)(amount.Amount * (long)Math.Pow(10, Decimals[amount.Currency]));

    /// <summary>Reversals, recorded between the new year and an hour before the close, of 300 charges of 2025 still standing.</summary>
    private static List<(Guid Id, long FirstVersion, List<IComplaintEvent> Events)> Corrections(Random random, List<(Guid Id, List<IComplaintEvent> Events)> streams,
        DateTimeOffset closedAt)
    {
        var newYear = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var span = (long)(closedAt.AddHours(-1) - newYear).TotalSeconds;
        return [.. streams.Where(s => s.Events.Count == 1).OrderBy(_ => random.Next()).Take(300).Select(s =>
        {
            var at = newYear.AddSeconds(random.NextInt64(0, span));
            return (s.Id, 2L, new List<IComplaintEvent> { new ChargeReversed(((ChargeCreated)s.Events[0]).ChargeId, "Found later", "store", at) });
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
            foreach (var e in events)
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

    /// <summary>A complaint's money history in 2025: a remedy split by largest remainder, then maybe a reversal (and a correction) or an appeal.</summary>
    private static (Guid Id, List<IComplaintEvent> Events) History(Random random)
    {
        var id = NewId(random);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // A tenth falls within two hours of a month's end in Paris (22:00 or 23:00 UTC on the last day).
        var at = random.Next(10) == 0
            ? new DateTimeOffset(2025, random.Next(1, 12), 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1).AddHours(-random.Next(0, 240) / 60.0 - 0.01)
            : start.AddSeconds(random.NextInt64(0, 364L * 86_400));
        var currency = Decimals.Keys.ElementAt(random.Next(Decimals.Count));
        var total = random.NextInt64(1, 5_000_000);
        var bearers = random.Next(3) == 0 ? new[] { "acme" } : new[] { "acme", random.Next(2) == 0 ? "photon" : "store" };
        var shares = bearers.Length == 1 ? new[] { 10_000 } : [random.Next(1, 10_000)];
        if (bearers.Length == 2)
            shares = [shares[0], 10_000 - shares[0]];
        var events = new List<(DateTimeOffset At, IComplaintEvent Event)>();
        var parts = LargestRemainder(total, shares);
        for (var i = 0; i < bearers.Length; i++)
        {
            if (parts[i] == 0)
                continue;
            var chargeId = NewId(random);
            var amount = Money(parts[i], currency);
            events.Add((at, new ChargeCreated(chargeId, bearers[i], amount, ChargeCause.Remedy, "acme", at)));
            var roll = random.Next(10);
            if (roll < 2)
            {
                var reversedAt = at.AddHours(random.Next(1, 20 * 24));
                events.Add((reversedAt, new ChargeReversed(chargeId, "Mistaken", "store", reversedAt)));
                if (random.Next(2) == 0)
                    events.Add((reversedAt, new ChargeCreated(NewId(random), Parties[random.Next(3)], amount, ChargeCause.Correction, "store", reversedAt, chargeId)));
            }
            else if (roll < 4)
            {
                var appealedAt = at.AddHours(random.Next(1, 10 * 24));
                events.Add((appealedAt, new ChargeAppealed(chargeId, bearers[i], "Not ours", [], appealedAt)));
                if (random.Next(5) > 0)
                {
                    var decidedAt = appealedAt.AddHours(random.Next(1, 10 * 24));
                    var overturned = random.Next(2) == 0;
                    events.Add((decidedAt, new AppealDecided(chargeId, overturned ? AppealOutcome.Overturned : AppealOutcome.Upheld, "Decided", "store", decidedAt)));
                    if (overturned)
                        events.Add((decidedAt, new ChargeReversed(chargeId, "Decided", "store", decidedAt)));
                }
            }
        }
        return (id, [.. events.OrderBy(e => e.At).Select(e => e.Event)]);
    }

    /// <summary>Hamilton's method, written here from its definition: floors, then the leftover units to the largest remainders (ties: larger share, then first).</summary>
    private static long[] LargestRemainder(long total, int[] shares)
    {
        var parts = shares.Select(s => total * s / 10_000).ToArray();
        var left = total - parts.Sum();
        var order = Enumerable.Range(0, shares.Length).OrderByDescending(i => total * shares[i] % 10_000).ThenByDescending(i => shares[i]).ThenBy(i => i).ToList();
        for (var k = 0; k < left; k++)
            parts[order[k]]++;
        return parts;
    }

    private static Money Money(long minor, string currency) => new(minor / (decimal)Math.Pow(10, Decimals[currency]), currency);

    private static Guid NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Copies the streams and their events into the event store, as the import does (no HTTP, no projection).</summary>
    private static async Task AppendAsync(string tenant, List<(Guid Id, long FirstVersion, List<IComplaintEvent> Events)> streams, bool newStreams)
    {
        var store = ServiceUnderTest.Services.GetRequiredService<IDocumentStore>();
        var events = (EventGraph)store.Options.Events;
        var schema = events.DatabaseSchemaName;
        var serializer = store.Options.Serializer();
        await using var connection = await ServiceUnderTest.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var count = streams.Sum(s => s.Events.Count);
        var sequence = new List<long>(count);
        await using (var next = new NpgsqlCommand($"select nextval('{schema}.mt_events_sequence') from generate_series(1, $1)", connection))
        {
            next.Parameters.Add(new() { Value = count });
            await using var reader = await next.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                sequence.Add(reader.GetInt64(0));
        }
        var now = DateTimeOffset.UtcNow;
        if (newStreams)
        {
            await using var copy = await connection.BeginBinaryImportAsync($"COPY {schema}.mt_streams (tenant_id, id, type, version, timestamp, created) FROM STDIN (FORMAT BINARY)");
            foreach (var (id, _, stream) in streams)
                await copy.WriteRowAsync(default, tenant, id, events.AggregateAliasFor(typeof(Complaint)), (long)stream.Count, now, now);
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type) FROM STDIN (FORMAT BINARY)"))
        {
            var n = 0;
            foreach (var (id, first, stream) in streams)
            {
                for (var v = 0; v < stream.Count; v++)
                {
                    var mapping = events.EventMappingFor(stream[v].GetType());
                    await copy.StartRowAsync();
                    await copy.WriteAsync(sequence[n++], NpgsqlDbType.Bigint);
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(first + v, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(serializer.ToJson(stream[v]), NpgsqlDbType.Jsonb);
                    await copy.WriteAsync(mapping.EventTypeName, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(tenant, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(mapping.DotNetTypeName, NpgsqlDbType.Varchar);
                }
            }
            await copy.CompleteAsync();
        }
    }
}
