using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Marten;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;

namespace Accountability.Api.Tests.Liability;

/// <summary>
/// A seeded year (2025) of whole complaint histories, and their copy into the event store as an import does it: each
/// complaint filed about a product, handed to its vendor (a fifth of those bounced back and assigned to the other
/// vendor), acknowledged or not, then resolved with a remedy whose cost is split by largest remainder, by default
/// judgment against the silent holder, without money, or not at all; its charges reversed (half of those corrected),
/// appealed by the vendor charged (upheld, or overturned and maybe charged to another party) or left standing; a few
/// resolutions reopened and resolved again.
/// </summary>
public static class YearOfHistory
{
    public static readonly string[] Parties = ["acme", "photon", "store"];
    public static readonly Dictionary<string, int> Decimals = new() { ["JPY"] = 0, ["BHD"] = 3, ["EUR"] = 2 };
    private static readonly (string Product, string Vendor)[] Products = [("Photo Pro", "acme"), ("Lens Kit", "acme"), ("Pulse Watch", "photon"), ("Cloud Drive", "photon")];
    private static readonly string[] Categories = ["crash", "billing", "delivery"];

    public static bool IsMoney(IComplaintEvent e) => e is ChargeCreated or ChargeReversed or ChargeAppealed or AppealDecided;

    /// <summary>One complaint's history, its events in the order of their times (the charges of a resolution right after it).</summary>
    public static (Guid Id, List<IComplaintEvent> Events) Complaint(Random random)
    {
        var id = NewId(random);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // The resolution and its charges: a tenth within two hours of a month's end in Paris (22:00 or 23:00 UTC on the last day).
        var resolvedAt = random.Next(10) == 0
            ? new DateTimeOffset(2025, random.Next(1, 12), 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1).AddHours(-random.Next(0, 240) / 60.0 - 0.01)
            : start.AddSeconds(random.NextInt64(0, 364L * 86_400));
        // Filed up to four days before, so many complaints cross a month's end before they are resolved.
        var filedAt = resolvedAt.AddSeconds(-random.NextInt64(60, (long)Math.Min(4 * 86_400, (resolvedAt - start).TotalSeconds) + 61));
        var steps = new Queue<DateTimeOffset>(Enumerable.Range(0, 4).Select(_ => filedAt + (resolvedAt - filedAt) * random.NextDouble()).Order());
        var (product, vendor) = Products[random.Next(Products.Length)];
        var lifecycle = new List<IComplaintEvent>
        {
            new ComplaintFiled(id, $"order-{id:N}", product, vendor, Categories[random.Next(Categories.Length)], "It stopped working.", Channel.Web, "store", filedAt),
        };
        var holder = "store";
        if (random.Next(10) > 0)
        {
            lifecycle.Add(new ComplaintHandedOff("store", vendor, HandoffReason.NeedsVendorFix, null, [], steps.Dequeue()));
            holder = vendor;
            if (random.Next(5) == 0)
            {
                lifecycle.Add(new ComplaintHandedOff(vendor, "store", HandoffReason.WrongParty, null, [], steps.Dequeue()));
                holder = vendor == "acme" ? "photon" : "acme";
                lifecycle.Add(new ComplaintAssigned(holder, "store", steps.Dequeue(), AssignmentReason.WrongParty));
            }
        }
        if (random.Next(4) > 0)
            lifecycle.Add(new ComplaintAcknowledged(holder, steps.Dequeue()));
        var way = random.Next(100);
        if (way < 3)
            return (id, lifecycle);
        var currency = Decimals.Keys.ElementAt(random.Next(Decimals.Count));
        var total = Money(random.NextInt64(1, 5_000_000), currency);
        var events = new List<(DateTimeOffset At, IComplaintEvent Event)>();
        string liable;
        if (way < 10 && holder != "store")
        {
            // The store resolves on the silent holder's behalf, which is found liable and charged the whole remedy.
            liable = holder;
            events.Add((resolvedAt, new ComplaintResolved("store", RootCause.Unknown, holder, "Refunded by the store", resolvedAt,
                new RemedyTerms(RemedyKind.Refund, total), new DefaultJudgment(holder, JudgmentCause.ResolutionMissed, resolvedAt.AddMinutes(-1)))));
            Charges(random, events, [holder], [Split.Whole], total, "store", resolvedAt);
        }
        else if (way < 16)
        {
            liable = Parties[random.Next(Parties.Length)];
            events.Add((resolvedAt, new ComplaintResolved(holder, RootCause.CustomerError, liable, "Explained", resolvedAt)));
        }
        else
        {
            liable = Parties[random.Next(Parties.Length)];
            var others = Parties.Where(p => p != liable).ToArray();
            string[] bearers = random.Next(3) == 0 ? [liable] : [liable, others[random.Next(others.Length)]];
            var first = bearers.Length == 1 ? Split.Whole : random.Next(1, Split.Whole);
            int[] shares = bearers.Length == 1 ? [first] : [first, Split.Whole - first];
            var terms = new RemedyTerms(RemedyKind.Refund, total, bearers.Length == 1 ? null : [.. bearers.Select((b, i) => new Share(b, shares[i]))]);
            events.Add((resolvedAt, new ComplaintResolved(holder, RootCause.ProductDefect, liable, "Refunded", resolvedAt, terms)));
            Charges(random, events, bearers, shares, total, holder, resolvedAt);
        }
        if (random.Next(30) == 0)
        {
            // Reopened by the customer within two days, and resolved again without money.
            var reopenedAt = resolvedAt.AddMinutes(random.Next(1, 48 * 60));
            events.Add((reopenedAt, new ComplaintReopened("customer", "Still broken", reopenedAt)));
            var againAt = reopenedAt.AddMinutes(random.Next(1, 24 * 60));
            events.Add((againAt, new ComplaintResolved(holder, RootCause.ProductDefect, liable, "Replaced", againAt)));
        }
        return (id, [.. lifecycle, .. events.OrderBy(e => e.At).Select(e => e.Event)]);
    }

    /// <summary>A remedy's parts charged to its bearers, each then maybe reversed (and corrected) or appealed (and decided).</summary>
    private static void Charges(Random random, List<(DateTimeOffset, IComplaintEvent)> events, string[] bearers, int[] shares, Money total,
        string by, DateTimeOffset at)
    {
        var parts = LargestRemainder(Minor(total), shares);
        for (var i = 0; i < bearers.Length; i++)
        {
            if (parts[i] == 0)
                continue;
            var chargeId = NewId(random);
            var amount = Money(parts[i], total.Currency);
            events.Add((at, new ChargeCreated(chargeId, bearers[i], amount, ChargeCause.Remedy, by, at)));
            var roll = random.Next(10);
            if (roll < 2)
            {
                var reversedAt = at.AddHours(random.Next(1, 20 * 24));
                events.Add((reversedAt, new ChargeReversed(chargeId, "Mistaken", "store", reversedAt)));
                if (random.Next(2) == 0)
                    events.Add((reversedAt, new ChargeCreated(NewId(random), Parties[random.Next(3)], amount, ChargeCause.Correction, "store", reversedAt, chargeId)));
            }
            else if (roll < 4 && bearers[i] != "store")
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
                    // Half the overturned charges go to another party instead, in the decision's write.
                    if (overturned && random.Next(2) == 0)
                        events.Add((decidedAt, new ChargeCreated(NewId(random), Parties.Where(p => p != bearers[i]).ElementAt(random.Next(2)), amount,
                            ChargeCause.Correction, "store", decidedAt, chargeId)));
                }
            }
        }
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

    public static long Minor(Money amount) => (long)(amount.Amount * (long)Math.Pow(10, Decimals[amount.Currency]));

    private static Money Money(long minor, string currency) => new(minor / (decimal)Math.Pow(10, Decimals[currency]), currency);

    private static Guid NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>
    /// Copies the streams and their events into the event store, as the import does (no HTTP, no write reaction): in one
    /// transaction begun before the sequence numbers are drawn, as <c>StreamWrite.CopyAsync</c> does, because the daemon's
    /// high-water detection waits at a gap in the sequence only while a transaction older than the gap is open; it skips
    /// a gap nothing could still fill, and the events copied into it later would never be projected.
    /// </summary>
    public static async Task AppendAsync(IServiceProvider services, string tenant, List<(Guid Id, long FirstVersion, List<IComplaintEvent> Events)> streams, bool newStreams)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var events = (EventGraph)store.Options.Events;
        var schema = events.DatabaseSchemaName;
        var serializer = store.Options.Serializer();
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
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
        await transaction.CommitAsync();
    }
}
