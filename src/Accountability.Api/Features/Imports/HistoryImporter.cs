using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Policies;
using Accountability.Domain.Complaints;
using Accountability.Domain.Imports;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Imports;

public sealed record BadRow(int Line, string Reason);

/// <summary>The mapping cannot be used; nothing was read or written. Its problems are keyed by field.</summary>
public sealed class InvalidImportMappingException(IReadOnlyDictionary<string, string> problems)
    : Exception(string.Join(" ", problems.Values))
{
    public IReadOnlyDictionary<string, string> Problems { get; } = problems;
}

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
    double EventsPerSecond)
{
    /// <summary>Status words the mapping does not say the meaning of, with how many rows used each: those rows changed no status.</summary>
    public IReadOnlyDictionary<string, int> UnknownStatuses { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// Imports another system's event log into a tenant: each case becomes a complaint stream whose events are judged
/// by the tenant's rules as they would have been live. A case's stream id derives from the case id, so a case
/// is only ever imported once.
/// </summary>
public sealed class HistoryImporter(IDocumentStore store, TimeProvider clock)
{
    private const int CasesPerTransaction = 500;
    private const int Writers = 3;
    private const int BadRowsReported = 100;

    public async Task<ImportReport> ImportAsync(
        string tenantId, string source, TextReader csv, ImportMapping mapping, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (mapping.Problems() is { Count: > 0 } invalid)
            throw new InvalidImportMappingException(invalid);
        var (known, policy) = await LoadPartiesAndPolicyAsync(tenantId, source, ct);
        var now = clock.GetUtcNow();
        var names = new ImportedParties(known);
        var (cases, rows, bad) = Parse(csv, mapping, now, names);
        var statuses = mapping.StatusMap();
        var parties = await RegisterAsync(tenantId, source, names, ct);
        var registered = names.New.Count;
        var done = 0;
        var results = new ConcurrentBag<ChunkResult>();
        // Chunks commit on their own: the CPU work of one (translating, judging, serialising) overlaps another's writes.
        await Parallel.ForEachAsync(cases.Chunk(CasesPerTransaction), new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = ct },
            async (chunk, token) =>
            {
                results.Add(await ImportChunkAsync(tenantId, source, chunk, statuses, policy, parties, now, token));
                progress?.Report((Interlocked.Add(ref done, chunk.Length), cases.Count));
            });

        var (imported, skipped, written) = (results.Sum(r => r.Imported), results.Sum(r => r.Skipped), results.Sum(r => r.Written));
        var flags = results.SelectMany(r => r.Flags).GroupBy(f => f).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var seconds = watch.Elapsed.TotalSeconds;
        return new ImportReport(source, rows, cases.Count, imported, skipped, written, registered, flags, bad.Count, [.. bad.Take(BadRowsReported)], seconds, written / Math.Max(seconds, 1e-9))
        {
            UnknownStatuses = statuses.Unknown(cases.SelectMany(c => c.Value).Select(r => r.Status)),
        };
    }

    private sealed record ChunkResult(int Imported, int Skipped, int Written, IReadOnlyList<string> Flags);

    private async Task<(IReadOnlyList<Party> Parties, Policy Policy)> LoadPartiesAndPolicyAsync(string tenantId, string source, CancellationToken ct)
    {
        await using var session = OpenSession(tenantId, source);
        var batch = session.CreateBatchQuery();
        var partiesQuery = batch.Query<Party>().ToList();
        var policyQuery = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
        await batch.Execute(ct);
        return (await partiesQuery, PolicyDocument.Current(await policyQuery));
    }

    /// <summary>Registers the parties the log names that the tenant does not know yet, as vendors.</summary>
    private async Task<PartyDirectory> RegisterAsync(string tenantId, string source, ImportedParties names, CancellationToken ct)
    {
        if (names.New.Count > 0)
        {
            await using var session = OpenSession(tenantId, source);
            session.Store([.. names.New]);
            await session.SaveChangesAsync(ct);
        }
        return new PartyDirectory(names.All);
    }

    private async Task<ChunkResult> ImportChunkAsync(string tenantId, string source, KeyValuePair<string, List<HistoryRow>>[] chunk,
        StatusMap statuses, Policy policy, PartyDirectory parties, DateTimeOffset now, CancellationToken ct)
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
            var events = Replay.Play(HistoryTranslator.Translate(ids[i], source, history, statuses), policy, parties, now);
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
        session.LastModifiedBy = PartyRules.ImportActor;
        return session;
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
        TextReader csv, ImportMapping mapping, DateTimeOffset now, ImportedParties names)
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
            var (row, problem) = columns.Parse(line, fields, now, names);
            if (row is null)
                bad.Add(new BadRow(line, problem!));
            else if (cases.TryGetValue(row.CaseId, out var list))
                list.Add(row);
            else
                cases[row.CaseId] = [row];
        }
        return ([.. cases], rows, bad);
    }
}
