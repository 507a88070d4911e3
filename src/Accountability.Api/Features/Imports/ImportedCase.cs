using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Accountability.Domain.Imports;
using Marten;
using Marten.Internal.Storage;

namespace Accountability.Api.Features.Imports;

/// <summary>
/// What an import wrote of one case, kept beside its complaint in the same transaction: a later export of the source
/// appends the rows after <see cref="LastAt"/>, skips the rows whose key is in <see cref="Rows"/>, and reports any
/// other row at or before <see cref="LastAt"/> as a conflict.
/// </summary>
/// <param name="Id">The complaint's stream id.</param>
/// <param name="Rows">The key of every row imported for the case (<see cref="KeyOf"/>).</param>
/// <param name="JudgedUntil">The time the rules judged the case up to: deadlines due later were scheduled, not judged.</param>
public sealed record ImportedCase(Guid Id, string CaseId, DateTimeOffset LastAt, IReadOnlyList<string> Rows, DateTimeOffset JudgedUntil)
{
    /// <summary>
    /// A row's identity within its case: its time and the values the mapping read from it (party, status, person,
    /// product, category, severity), hashed. The line number and the columns the mapping does not read are not part of it.
    /// </summary>
    public static string KeyOf(HistoryRow row) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
            // The claim joins the key only when a row has one, so rows imported before claims existed keep their keys.
            new object?[] { row.At.UtcTicks, row.Party, row.Status, row.Person, row.Product, row.Category, row.Severity, row.PersonIsSender }
                .Concat(row.Claim is { } claim ? [claim.Amount.ToString(CultureInfo.InvariantCulture), claim.Currency] : [])))))[..16];

    /// <summary>A case's rows in time order, against what was imported of it: the later rows to append, and the conflicting ones.</summary>
    public (List<HistoryRow> Later, List<BadRow> Conflicts) Split(IReadOnlyList<HistoryRow> history)
    {
        var known = Rows.ToHashSet(StringComparer.Ordinal);
        var (later, conflicts) = (new List<HistoryRow>(), new List<BadRow>());
        foreach (var row in history.Where(r => !known.Contains(KeyOf(r))))
        {
            if (row.At > LastAt)
                later.Add(row);
            else
                conflicts.Add(new BadRow(row.Line, $"case '{CaseId}' was imported up to {LastAt:yyyy-MM-dd HH:mm:ss} UTC and this row, " +
                    $"{(row.At == LastAt ? "at that time" : "earlier")}, is not one of its imported rows: it would rewrite the case's history, not continue it"));
        }
        return (later, conflicts);
    }

    public static ImportedCase Of(Guid id, IReadOnlyList<HistoryRow> history, DateTimeOffset judgedUntil, ImportedCase? before = null) =>
        new(id, history[0].CaseId, history[^1].At, [.. (before?.Rows ?? []).Concat(history.Select(KeyOf)).Distinct()], judgedUntil);

    /// <summary>Copies new cases' records into the session's transaction, begun by the copy of their streams (decision 0026).</summary>
    public static async Task CopyAsync(IDocumentSession session, IReadOnlyList<ImportedCase> cases, CancellationToken ct)
    {
        if (cases.Count == 0)
            return;
        var options = session.DocumentStore.Options;
        var tenancy = await options.Tenancy.GetTenantAsync(session.TenantId);
        await ((MartenDocumentProvider<ImportedCase>)tenancy.Database.Providers.StorageFor<ImportedCase>()).BulkLoader
            .LoadAsync(tenancy, options.Serializer(), session.Connection!, cases, ct);
    }
}
