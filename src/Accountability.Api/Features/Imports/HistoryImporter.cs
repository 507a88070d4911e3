using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Persistence;
using Accountability.Api.Features.StatusPage;
using Accountability.Domain.Complaints;
using Accountability.Domain.Imports;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Imports;

/// <summary>
/// Imports another system's event log into a tenant: each case becomes a complaint stream whose events are judged
/// by the tenant's rules as they would have been live, and written by the complaint writer's batched mode, which runs
/// what follows every write (deadlines, list rows, status pages). A case's stream id derives from the case id, so a case
/// is only ever imported once.
/// </summary>
public sealed class HistoryImporter(IDocumentStore store, TimeProvider clock, WriteContextCache contexts, ComplaintStreamWriter writer)
{
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
        var (known, loaded, previous) = await LoadAsync(tenantId, source, ct);
        var target = await TargetAsync(tenantId, source, mapping, previous, options.Replace, ct);
        var now = clock.GetUtcNow();
        var names = new ImportedParties(known);
        var (cases, rows, bad, stoppedAt) = Read(log, reader, columns, now, names, options.MaxBadRows, progress);
        if (stoppedAt is not null)
            return new ImportReport(source, rows, cases.Count, 0, 0, 0, 0, new Dictionary<string, int>(), bad.Count, [.. bad.Take(BadRowsReported)],
                watch.Elapsed.TotalSeconds, 0, stoppedAt);
        // The source is kept with its mapping once it has a case, and again when a replacement starts and ends.
        var replacing = target.Replacing is not null;
        var record = cases.Count > 0 && (previous is null || replacing)
            ? new ImportedSource(source, target.Fingerprint, ImportedSource.Canonical(mapping), target.Generation, now, replacing ? target.PreviousGeneration : null) : null;
        if (replacing)
            target = target with { Replacing = target.Replacing!.Except(cases.Select(c => StreamIdOf(tenantId, c.Key, target.Generation))).ToHashSet() };
        var statuses = mapping.StatusMap();
        var context = loaded with { Parties = await RegisterAsync(target, names, record, ct) };
        var registered = names.New.Count;
        var done = 0;
        var results = new ConcurrentBag<ChunkResult>();
        // Chunks commit on their own: the CPU work of one (translating, judging, serialising) overlaps another's writes.
        await Parallel.ForEachAsync(cases.Chunk(options.CasesPerTransaction), new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = ct },
            async (chunk, token) =>
            {
                results.Add(await ImportChunkAsync(target, chunk, statuses, context, now, token));
                progress?.Report(new ImportProgress(ImportProgress.Writing, Interlocked.Add(ref done, chunk.Length), cases.Count, rows));
            });

        var removed = await RemoveLeftoversAsync(target, results.SelectMany(r => r.Replaced), record, ct);
        progress?.Report(new ImportProgress(ImportProgress.Writing, cases.Count, cases.Count, rows));
        var (imported, skipped, written) = (results.Sum(r => r.Imported), results.Sum(r => r.Skipped), results.Sum(r => r.Written));
        var flags = results.SelectMany(r => r.Flags).GroupBy(f => f).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var seconds = watch.Elapsed.TotalSeconds;
        return new ImportReport(source, rows, cases.Count, imported, skipped, written, registered, flags, bad.Count, [.. bad.Take(BadRowsReported)], seconds, written / Math.Max(seconds, 1e-9))
        {
            Replaced = target.Replacing is null ? null : new ReplacedImport(target.Replacing.Count, results.Sum(r => r.Replaced.Count), removed),
            UnknownStatuses = statuses.Unknown(cases.SelectMany(c => c.Value).Select(r => r.Status)),
            CasesContinued = results.Sum(r => r.Continued),
            ConflictCount = results.Sum(r => r.Conflicts.Count),
            Conflicts = [.. results.SelectMany(r => r.Conflicts).OrderBy(c => c.Line).Take(BadRowsReported)],
        };
    }

    private sealed record ChunkResult(int Imported, int Continued, int Skipped, int Written, IReadOnlyList<string> Flags, IReadOnlyList<Guid> Replaced,
        IReadOnlyList<BadRow> Conflicts);

    /// <summary>Where an import writes: the source's generation, and when it replaces, the complaints of the generation before.</summary>
    private sealed record Target(string TenantId, string Source, string Fingerprint, int Generation, int PreviousGeneration, IReadOnlySet<Guid>? Replacing);

    /// <summary>The tenant's parties, its write context (as every write reads it) and what was imported of the source before.</summary>
    private async Task<(IReadOnlyList<Party> Parties, WriteContext Context, ImportedSource? Previous)> LoadAsync(string tenantId, string source, CancellationToken ct)
    {
        await using var session = OpenSession(tenantId, source);
        var batch = session.CreateBatchQuery();
        var contextQuery = contexts.Queue(session, batch);
        var partiesQuery = batch.Query<Party>().ToList();
        var sourceQuery = batch.Load<ImportedSource>(source);
        await batch.Execute(ct);
        return (await partiesQuery, await contextQuery(), await sourceQuery);
    }

    /// <summary>The same source with the same mapping carries on; with another mapping it is refused, unless replacing.</summary>
    private async Task<Target> TargetAsync(string tenantId, string source, ImportMapping mapping, ImportedSource? previous, bool replace, CancellationToken ct)
    {
        var fingerprint = ImportedSource.FingerprintOf(mapping);
        var unfinished = previous?.Replaces is not null && previous.Fingerprint == fingerprint;
        if (previous is null || (previous.Fingerprint == fingerprint && !replace && !unfinished))
            return new Target(tenantId, source, fingerprint, previous?.Generation ?? 0, previous?.Generation ?? 0, null);
        await using var session = OpenSession(tenantId, source);
        var streams = await session.AdvancedSql.QueryAsync<Guid>(
            $"select distinct stream_id from {store.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = ? and correlation_id = ? and is_archived = false", ct,
            tenantId, CorrelationOf(source));
        if (!replace && !unfinished)
            throw new ImportRefusedException(previous.RefusalFor(tenantId, streams.Count));
        // An interrupted replacement carries on in the generation it started; this file's cases already written there stay.
        return unfinished
            ? new Target(tenantId, source, fingerprint, previous.Generation, previous.Replaces!.Value, streams.ToHashSet())
            : new Target(tenantId, source, fingerprint, previous.Generation + 1, previous.Generation, streams.ToHashSet());
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
        DeadlineTable.Delete(session, complaints);
        ComplaintListTable.Delete(session, complaints);
    }

    /// <summary>The replaced source's complaints whose cases the new file no longer has.</summary>
    private async Task<int> RemoveLeftoversAsync(Target target, IEnumerable<Guid> replaced, ImportedSource? record, CancellationToken ct)
    {
        if (target.Replacing is null)
            return 0;
        var leftovers = target.Replacing.Except(replaced).ToArray();
        await using var session = OpenSession(target.TenantId, target.Source);
        Remove(session, leftovers);
        if (record is not null)
            session.Store(record with { Replaces = null });
        await session.SaveChangesAsync(ct);
        return leftovers.Length;
    }

    private async Task<ChunkResult> ImportChunkAsync(Target target, KeyValuePair<string, List<HistoryRow>>[] chunk,
        StatusMap statuses, WriteContext context, DateTimeOffset now, CancellationToken ct)
    {
        var (tenantId, source) = (target.TenantId, target.Source);
        await using var session = OpenSession(tenantId, source);
        var ids = chunk.Select(c => StreamIdOf(tenantId, c.Key, target.Generation)).ToArray();
        var replaced = target.Replacing is null ? []
            : chunk.Select(c => StreamIdOf(tenantId, c.Key, target.PreviousGeneration)).Where(target.Replacing.Contains).ToArray();
        Remove(session, replaced);
        var (recorded, existing) = await ImportedAsync(session, ids, ct);
        var (imported, continued, skipped, eventCount, flags, conflicts) = (0, 0, 0, 0, new List<string>(), new List<BadRow>());
        var written = writer.Batch(session, context, now);
        var started = new List<ImportedCase>();
        for (var i = 0; i < chunk.Length; i++)
        {
            var history = chunk[i].Value.OrderBy(r => r.At).ThenBy(r => r.Line).ToList();
            IReadOnlyList<IComplaintEvent> events;
            if (recorded.TryGetValue(ids[i], out var before))
            {
                var (later, conflicting) = before.Split(history);
                conflicts.AddRange(conflicting);
                if (later.Count == 0)
                {
                    skipped++;
                    continue;
                }
                events = await ContinueAsync(session, written, before, later, statuses, context, now, ct);
                continued++;
            }
            else if (existing.Contains(ids[i]))
            {
                skipped++;
                continue;
            }
            else
            {
                events = written.Start(Replay.PlaySteps(HistoryTranslator.Translate(ids[i], source, history, statuses), context.Policy, context.Parties, now));
                started.Add(ImportedCase.Of(ids[i], history, now));
                imported++;
            }
            flags.AddRange(events.OfType<FlagRaised>().Select(f => f.Rule));
            eventCount += events.Count;
        }
        await written.WriteAsync(ct);
        await ImportedCase.CopyAsync(session, started, ct);
        await session.SaveChangesAsync(ct);
        return new ChunkResult(imported, continued, skipped, eventCount, flags, replaced, conflicts);
    }

    /// <summary>The chunk's cases imported before: with what was imported of each, and (imported before that was kept) as ids only.</summary>
    private static async Task<(Dictionary<Guid, ImportedCase> Recorded, HashSet<Guid> Existing)> ImportedAsync(IDocumentSession session, Guid[] ids, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var recorded = batch.Query<ImportedCase>().Where(c => ids.Contains(c.Id)).ToList();
        var existing = batch.Query<Complaint>().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToList();
        await batch.Execute(ct);
        return ((await recorded).ToDictionary(c => c.Id), (await existing).ToHashSet());
    }

    /// <summary>Appends a case's later rows to its complaint, judged after its history as they would have been live.</summary>
    private static async Task<IReadOnlyList<IComplaintEvent>> ContinueAsync(IDocumentSession session, ComplaintWriteBatch written, ImportedCase before,
        List<HistoryRow> later, StatusMap statuses, WriteContext context, DateTimeOffset now, CancellationToken ct)
    {
        var stream = await session.Events.FetchStreamAsync(before.Id, token: ct);
        var state = stream.Select(e => e.Data).OfType<IComplaintEvent>().Aggregate((Complaint?)null, Complaint.Evolve)!;
        var assigned = stream.Any(e => e.Data is ComplaintAssigned or ComplaintHandedOff);
        var owed = (await DeadlineTable.FindAsync(session, before.Id, ct))?.Owed ?? [];
        var steps = Replay.ContinueSteps(state, owed, HistoryTranslator.Translate(state, assigned, later, statuses), context.Policy, context.Parties, now);
        // At the version the stream ends at: the projections number the complaint as the live path does, and a concurrent write fails.
        var events = written.Continue(state, stream[^1].Version, steps);
        session.Store(ImportedCase.Of(before.Id, later, now, before));
        return events;
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
