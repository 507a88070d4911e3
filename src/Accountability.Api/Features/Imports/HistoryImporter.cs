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
    private const int CasesPerTransaction = 250;
    private const int BadRowsReported = 100;

    public async Task<ImportReport> ImportAsync(
        string tenantId, string source, TextReader csv, ImportMapping mapping, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var names = new Dictionary<string, string>();
        var (cases, rows, bad) = Parse(csv, mapping, names);

        await using var session = store.LightweightSession(tenantId);
        session.CorrelationId = $"import:{source}";
        session.LastModifiedBy = "import";
        var batch = session.CreateBatchQuery();
        var partiesQuery = batch.Query<Party>().ToList();
        var policyQuery = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
        await batch.Execute(ct);
        var known = (await partiesQuery).ToList();
        var newParties = names.Where(n => known.All(p => p.Id != n.Key)).Select(n => new Party(n.Key, PartyKind.Vendor, n.Value)).ToList();
        session.Store([.. newParties]);
        var parties = new PartyDirectory([.. known, .. newParties]);
        var policy = PolicyDocument.Current(await policyQuery);

        var (imported, skipped, written) = (0, 0, 0);
        var flags = new Dictionary<string, int>();
        var now = clock.GetUtcNow();
        foreach (var chunk in cases.Chunk(CasesPerTransaction))
        {
            var ids = chunk.Select(c => StreamIdOf(tenantId, c.Key)).ToArray();
            var existing = (await session.Query<Complaint>().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            for (var i = 0; i < chunk.Length; i++)
            {
                if (existing.Contains(ids[i]))
                {
                    skipped++;
                    continue;
                }
                var history = chunk[i].Value.OrderBy(r => r.At).ThenBy(r => r.Line).ToList();
                var events = Replay.Play(HistoryTranslator.Translate(ids[i], source, history), policy, parties, now);
                session.Events.StartStream<Complaint>(ids[i], events);
                var after = events.Aggregate((Complaint?)null, Complaint.Evolve)!;
                foreach (var deadline in StalledHolderRule.DeadlinesOf(after, policy, parties).Where(d => d.DueAt > now))
                    session.Store(new ScheduledDeadline($"{tenantId}:{after.Id}:{deadline.Kind}", tenantId, after.Id, deadline.Kind, deadline.Holder, deadline.HoldStartVersion, deadline.DueAt));
                foreach (var flag in events.OfType<FlagRaised>())
                    flags[flag.Rule] = flags.GetValueOrDefault(flag.Rule) + 1;
                (imported, written) = (imported + 1, written + events.Count);
            }
            await session.SaveChangesAsync(ct);
            progress?.Report((imported + skipped, cases.Count));
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return new ImportReport(source, rows, cases.Count, imported, skipped, written, newParties.Count,
            flags.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(), bad.Count, [.. bad.Take(BadRowsReported)], seconds, written / Math.Max(seconds, 1e-9));
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
