using System.Data.Common;
using Marten.Internal.Operations;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Storage;

namespace Accountability.Api.Features.Deadlines;

/// <summary>The claim on a complaint's clocks was lost (its lease lapsed and another node took it, or a write replaced the clocks).</summary>
public sealed class DeadlineClaimLost(ClaimedDeadlines claimed)
    : Exception($"The claim on complaint {claimed.ComplaintId}'s deadlines was lost; what this firing did is rolled back.");

/// <summary>
/// Updates claimed clocks only under their claim token, and fails the whole save when the row no longer carries it, so
/// a firing and its record commit together or not at all (a plain queued statement cannot tell how many rows it changed).
/// </summary>
internal sealed class ClaimedUpdate(string schema, ClaimedDeadlines claimed, string clocks, DateTimeOffset? nextDueAt, bool release) : Marten.Internal.Operations.IStorageOperation
{
    // Not a document: the type Marten gives its own plain SQL operations, so it ensures no storage for it.
    public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

    public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, IStorageSession session)
    {
        var ending = release ? ", claim = null, claimed_until = null" : "";
        var parameters = builder.AppendWithParameters($"""
            update {schema}.{DeadlineTable.Name} set clocks = ?::jsonb, next_due_at = ?{ending}
            where tenant_id = ? and complaint_id = ? and claim = ? returning 1
            """);
        parameters[0].Value = clocks;
        (parameters[1].NpgsqlDbType, parameters[1].Value) = (NpgsqlDbType.TimestampTz, (object?)nextDueAt ?? DBNull.Value);
        parameters[2].Value = claimed.TenantId;
        (parameters[3].NpgsqlDbType, parameters[3].Value) = (NpgsqlDbType.Uuid, claimed.ComplaintId);
        parameters[4].Value = claimed.Claim;
    }

    public async Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token)
    {
        if (!await reader.ReadAsync(token))
            exceptions.Add(new DeadlineClaimLost(claimed));
    }

    public OperationRole Role() => OperationRole.Other;
}
