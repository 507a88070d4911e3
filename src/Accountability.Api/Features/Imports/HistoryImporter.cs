using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Policies;
using Accountability.Api.Features.StatusPage;
using Accountability.Domain.Complaints;
using Accountability.Domain.Imports;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Imports;

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
        string tenantId, string source, Stream log, ImportMapping mapping, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (mapping.Problems() is { Count: > 0 } invalid)
            throw new InvalidImportMappingException(invalid);
        using var reader = EventLog.Open(log, mapping);
        var (columns, missing) = reader.Resolve(mapping);
        if (columns is null)
            throw new HeaderMismatchException(missing);
        var (known, policy, previous) = await LoadAsync(tenantId, source, ct);
        var target = await TargetAsync(tenantId, source, mapping, previous, options.Replace, ct);
        var now = clock.GetUtcNow();
        var names = new ImportedParties(known);
        var (cases, rows, bad, stoppedAt) = Read(log, reader, columns, now, names, options.MaxBadRows, progress);
        if (stoppedAt is not null)
            return new ImportReport(source, rows, cases.Count, 0, 0, 0, 0, new Dictionary<string, int>(), bad.Count, [.. bad.Take(BadRowsReported)],
                watch.Elapsed.TotalSeconds, 0, stoppedAt);
        // The source is kept with its mapping once it has a case, and again only when a replacement changes it.
        var record = cases.Count > 0 && (previous is null || target.Replacing is not null)
            ? new ImportedSource(source, target.Fingerprint, ImportedSource.Canonical(mapping), target.Generation, now) : null;
        var statuses = mapping.StatusMap();
        var parties = await RegisterAsync(target, names, record, ct);
        var registered = names.New.Count;
        var done = 0;
        var results = new ConcurrentBag<ChunkResult>();
        // Chunks commit on their own: the CPU work of one (translating, judging, serialising) overlaps another's writes.
        await Parallel.ForEachAsync(cases.Chunk(CasesPerTransaction), new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = ct },
            async (chunk, token) =>
            {
                results.Add(await ImportChunkAsync(target, chunk, statuses, policy, parties, now, token));
                progress?.Report(new ImportProgress(ImportProgress.Writing, Interlocked.Add(ref done, chunk.Length), cases.Count, rows));
            });

        var removed = await RemoveLeftoversAsync(target, results.SelectMany(r => r.Replaced), ct);
        progress?.Report(new ImportProgress(ImportProgress.Writing, cases.Count, cases.Count, rows));
        var (imported, skipped, written) = (results.Sum(r => r.Imported), results.Sum(r => r.Skipped), results.Sum(r => r.Written));
        var flags = results.SelectMany(r => r.Flags).GroupBy(f => f).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var seconds = watch.Elapsed.TotalSeconds;
        return new ImportReport(source, rows, cases.Count, imported, skipped, written, registered, flags, bad.Count, [.. bad.Take(BadRowsReported)], seconds, written / Math.Max(seconds, 1e-9))
        {
            Replaced = target.Replacing is null ? null : new ReplacedImport(target.Replacing.Count, results.Sum(r => r.Replaced.Count), removed),
            UnknownStatuses = statuses.Unknown(cases.SelectMany(c => c.Value).Select(r => r.Status)),
        };
    }

    private sealed record ChunkResult(int Imported, int Skipped, int Written, IReadOnlyList<string> Flags, IReadOnlyList<Guid> Replaced);

    /// <summary>Where an import writes: the source's generation, and when it replaces, the complaints of the generation before.</summary>
    private sealed record Target(string TenantId, string Source, string Fingerprint, int Generation, int PreviousGeneration, IReadOnlySet<Guid>? Replacing);

    private async Task<(IReadOnlyList<Party> Parties, Policy Policy, ImportedSource? Previous)> LoadAsync(string tenantId, string source, CancellationToken ct)
    {
        await using var session = OpenSession(tenantId, source);
        var batch = session.CreateBatchQuery();
        var partiesQuery = batch.Query<Party>().ToList();
        var policyQuery = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
        var sourceQuery = batch.Load<ImportedSource>(source);
        await batch.Execute(ct);
        return (await partiesQuery, PolicyDocument.Current(await policyQuery), await sourceQuery);
    }

    /// <summary>The same source with the same mapping carries on; with another mapping it is refused, unless replacing.</summary>
    private async Task<Target> TargetAsync(string tenantId, string source, ImportMapping mapping, ImportedSource? previous, bool replace, CancellationToken ct)
    {
        var fingerprint = ImportedSource.FingerprintOf(mapping);
        if (previous is null || (previous.Fingerprint == fingerprint && !replace))
            return new Target(tenantId, source, fingerprint, previous?.Generation ?? 0, previous?.Generation ?? 0, null);
        await using var session = OpenSession(tenantId, source);
        var streams = await session.AdvancedSql.QueryAsync<Guid>(
            $"select distinct stream_id from {store.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = ? and correlation_id = ?", ct,
            tenantId, CorrelationOf(source));
        if (!replace)
            throw new ImportRefusedException(previous.RefusalFor(tenantId, streams.Count));
        return new Target(tenantId, source, fingerprint, previous.Generation + 1, previous.Generation, streams.ToHashSet());
    }

    /// <summary>Registers the parties the log names that the tenant does not know yet, as vendors, and the source with its mapping.</summary>
    private async Task<PartyDirectory> RegisterAsync(Target target, ImportedParties names, ImportedSource? imported, CancellationToken ct)
    {
        if (names.New.Count > 0 || imported is not null)
        {
            await using var session = OpenSession(target.TenantId, target.Source);
            session.Store([.. names.New]);
            if (imported is not null)
                session.Store(imported);
            await session.SaveChangesAsync(ct);
        }
        return new PartyDirectory(names.All);
    }

    /// <summary>Removes a replaced complaint: its events are archived, its documents deleted, in the caller's transaction.</summary>
    private static void Remove(IDocumentSession session, IReadOnlyCollection<Guid> complaints)
    {
        if (complaints.Count == 0)
            return;
        foreach (var id in complaints)
        {
            session.Events.ArchiveStream(id);
            session.Delete<Complaint>(id);
            session.Delete<StatusPageDocument>(id);
        }
        session.DeleteWhere<ScheduledDeadline>(d => complaints.Contains(d.ComplaintId));
    }

    /// <summary>The replaced source's complaints whose cases the new file no longer has.</summary>
    private async Task<int> RemoveLeftoversAsync(Target target, IEnumerable<Guid> replaced, CancellationToken ct)
    {
        if (target.Replacing is null)
            return 0;
        var leftovers = target.Replacing.Except(replaced).ToArray();
        await using var session = OpenSession(target.TenantId, target.Source);
        Remove(session, leftovers);
        await session.SaveChangesAsync(ct);
        return leftovers.Length;
    }

    private async Task<ChunkResult> ImportChunkAsync(Target target, KeyValuePair<string, List<HistoryRow>>[] chunk,
        StatusMap statuses, Policy policy, PartyDirectory parties, DateTimeOffset now, CancellationToken ct)
    {
        var (tenantId, source) = (target.TenantId, target.Source);
        await using var session = OpenSession(tenantId, source);
        var ids = chunk.Select(c => StreamIdOf(tenantId, c.Key, target.Generation)).ToArray();
        var replaced = target.Replacing is null ? []
            : chunk.Select(c => StreamIdOf(tenantId, c.Key, target.PreviousGeneration)).Where(target.Replacing.Contains).ToArray();
        Remove(session, replaced);
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
        return new ChunkResult(imported, existing.Count, written, flags, replaced);
    }

    private IDocumentSession OpenSession(string tenantId, string source)
    {
        var session = store.LightweightSession(tenantId);
        session.CorrelationId = CorrelationOf(source);
        session.LastModifiedBy = PartyRules.ImportActor;
        return session;
    }

    private static string CorrelationOf(string source) => $"import:{source}";

    /// <summary>
    /// The same case always gets the same stream in a tenant, which makes re-imports change nothing; a replaced
    /// source's next generation gets new streams, so that the old ones can be archived beside them.
    /// </summary>
    public static Guid StreamIdOf(string tenantId, string caseId, int generation = 0)
    {
        var key = generation == 0 ? $"accountability-import:{tenantId}:{caseId}" : $"accountability-import:{tenantId}:{caseId}:{generation}";
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static (List<KeyValuePair<string, List<HistoryRow>>> Cases, int Rows, List<BadRow> Bad, int? StoppedAt) Read(
        Stream log, IEventLog reader, ColumnIndexes columns, DateTimeOffset now, ImportedParties names, int? maxBadRows, IProgress<ImportProgress>? progress)
    {
        var cases = new Dictionary<string, List<HistoryRow>>();
        var bad = new List<BadRow>();
        var rows = 0;
        var length = log.CanSeek ? log.Length : 0;
        foreach (var (line, fields, unreadable) in reader.Records(columns.Wanted))
        {
            if (++rows % 10_000 == 0 && log.CanSeek)
                progress?.Report(new ImportProgress(ImportProgress.Reading, log.Position, length, rows));
            var (row, problem) = fields is null ? (null, unreadable) : columns.Parse(line, fields, now, names);
            if (row is null)
            {
                bad.Add(new BadRow(line, problem!));
                if (bad.Count > maxBadRows)
                    return ([.. cases], rows, bad, line);
            }
            else if (cases.TryGetValue(row.CaseId, out var list))
                list.Add(row);
            else
                cases[row.CaseId] = [row];
        }
        progress?.Report(new ImportProgress(ImportProgress.Reading, length, length, rows));
        return ([.. cases], rows, bad, null);
    }
}
