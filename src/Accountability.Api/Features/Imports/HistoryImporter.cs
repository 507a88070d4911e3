using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Policies;
using Accountability.Domain.Complaints;
using Accountability.Domain.Imports;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Imports;

public sealed record BadRow(int Line, string Reason);

/// <param name="CasesAlreadyImported">Cases skipped because an earlier import wrote them: importing a file twice changes nothing.</param>
/// <param name="BadRows">The first 100 rows that could not be read, with why; the others still import.</param>
public sealed record ImportReport(
    string Source,
    int Rows,
    int Cases,
    int CasesImported,
    int CasesAlreadyImported,
    int EventsWritten,
    int PartiesRegistered,
    IReadOnlyDictionary<string, int> FlagsByRule,
    int BadRowCount,
    IReadOnlyList<BadRow> BadRows,
    double Seconds,
    double EventsPerSecond);

/// <summary>
/// Imports another system's event log into a tenant: each case becomes a complaint stream whose events are judged
/// by the tenant's rules as they would have been live. A case's stream id derives from the case id, so a case
/// is only ever imported once.
/// </summary>
public sealed partial class HistoryImporter(IDocumentStore store, TimeProvider clock)
{
    private const int CasesPerTransaction = 500;
    private const int Writers = 3;
    private const int BadRowsReported = 100;

    public async Task<ImportReport> ImportAsync(
        string tenantId, string source, TextReader csv, ImportMapping mapping, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var names = new Dictionary<string, string>();
        var (cases, rows, bad) = Parse(csv, mapping, names);

        var (parties, policy, registered) = await PreparePartiesAsync(tenantId, source, names, ct);
        var now = clock.GetUtcNow();
        var done = 0;
        var results = new ConcurrentBag<ChunkResult>();
        // Chunks commit on their own: the CPU work of one (translating, judging, serialising) overlaps another's writes.
        await Parallel.ForEachAsync(cases.Chunk(CasesPerTransaction), new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = ct },
            async (chunk, token) =>
            {
                results.Add(await ImportChunkAsync(tenantId, source, chunk, policy, parties, now, token));
                progress?.Report((Interlocked.Add(ref done, chunk.Length), cases.Count));
            });

        var (imported, skipped, written) = (results.Sum(r => r.Imported), results.Sum(r => r.Skipped), results.Sum(r => r.Written));
        var flags = results.SelectMany(r => r.Flags).GroupBy(f => f).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var seconds = watch.Elapsed.TotalSeconds;
        return new ImportReport(source, rows, cases.Count, imported, skipped, written, registered, flags, bad.Count, [.. bad.Take(BadRowsReported)], seconds, written / Math.Max(seconds, 1e-9));
    }

    private sealed record ChunkResult(int Imported, int Skipped, int Written, IReadOnlyList<string> Flags);

    /// <summary>Registers the parties the log names that the tenant does not know yet, as vendors.</summary>
    private async Task<(PartyDirectory Parties, Policy Policy, int Registered)> PreparePartiesAsync(
        string tenantId, string source, Dictionary<string, string> names, CancellationToken ct)
    {
        await using var session = OpenSession(tenantId, source);
        var batch = session.CreateBatchQuery();
        var partiesQuery = batch.Query<Party>().ToList();
        var policyQuery = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
        await batch.Execute(ct);
        var known = await partiesQuery;
        var newParties = names.Where(n => known.All(p => p.Id != n.Key)).Select(n => new Party(n.Key, PartyKind.Vendor, n.Value)).ToList();
        if (newParties.Count > 0)
        {
            session.Store([.. newParties]);
            await session.SaveChangesAsync(ct);
        }
        return (new PartyDirectory([.. known, .. newParties]), PolicyDocument.Current(await policyQuery), newParties.Count);
    }

    private async Task<ChunkResult> ImportChunkAsync(string tenantId, string source, KeyValuePair<string, List<HistoryRow>>[] chunk,
        Policy policy, PartyDirectory parties, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = OpenSession(tenantId, source);
        var ids = chunk.Select(c => StreamIdOf(tenantId, c.Key)).ToArray();
        var existing = (await session.Query<Complaint>().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var (imported, written, flags) = (0, 0, new List<string>());
        for (var i = 0; i < chunk.Length; i++)
        {
            if (existing.Contains(ids[i]))
                continue;
            var history = chunk[i].Value.OrderBy(r => r.At).ThenBy(r => r.Line).ToList();
            var events = Replay.Play(HistoryTranslator.Translate(ids[i], source, history), policy, parties, now);
            session.Events.StartStream<Complaint>(ids[i], events);
            var after = events.Aggregate((Complaint?)null, Complaint.Evolve)!;
            // Replay already judged the deadlines that fell due before now; the scheduler takes the rest.
            ScheduledDeadline.ScheduleNewHold(session, null, after, policy, parties, notBefore: now);
            flags.AddRange(events.OfType<FlagRaised>().Select(f => f.Rule));
            (imported, written) = (imported + 1, written + events.Count);
        }
        await session.SaveChangesAsync(ct);
        return new ChunkResult(imported, existing.Count, written, flags);
    }

    private IDocumentSession OpenSession(string tenantId, string source)
    {
        var session = store.LightweightSession(tenantId);
        session.CorrelationId = $"import:{source}";
        session.LastModifiedBy = "import";
        return session;
    }

    /// <summary>Party ids for names such as "Group 56": lowercase letters, digits and dashes.</summary>
    public static string PartyIdOf(string name)
    {
        var slug = NotSlug().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length == 0 ? "party" : slug;
        return slug.Length <= 63 ? slug : slug[..63].TrimEnd('-');
    }

    /// <summary>The same case always gets the same stream in a tenant; that makes re-imports change nothing.</summary>
    public static Guid StreamIdOf(string tenantId, string caseId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"accountability-import:{tenantId}:{caseId}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static (List<KeyValuePair<string, List<HistoryRow>>> Cases, int Rows, List<BadRow> Bad) Parse(
        TextReader csv, ImportMapping mapping, Dictionary<string, string> names)
    {
        using var records = CsvRecords.Read(csv).GetEnumerator();
        if (!records.MoveNext())
            throw new InvalidDataException("The file is empty: it needs a header row.");
        var columns = mapping.Resolve(records.Current.Fields);
        var cases = new Dictionary<string, List<HistoryRow>>();
        var bad = new List<BadRow>();
        var rows = 0;
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields is [""])
                continue;
            rows++;
            var (row, problem) = columns.Parse(line, fields, name =>
            {
                var id = PartyIdOf(name);
                names.TryAdd(id, name);
                return id;
            });
            if (row is null)
                bad.Add(new BadRow(line, problem!));
            else if (cases.TryGetValue(row.CaseId, out var list))
                list.Add(row);
            else
                cases[row.CaseId] = [row];
        }
        return ([.. cases], rows, bad);
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
