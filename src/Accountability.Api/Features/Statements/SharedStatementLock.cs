using System.Data.Common;
using Marten.Internal.Operations;
using Weasel.Core;
using Weasel.Storage;

namespace Accountability.Api.Features.Statements;

/// <summary>
/// Takes the marketplace's statement lock, shared, in the write's batch ahead of its entries, and reads the statement's
/// one row so that the batch's later results stay in step (a plain queued statement may return no row).
/// </summary>
internal sealed class SharedStatementLock(string tenantId) : Marten.Internal.Operations.IStorageOperation
{
    // Not a document: the type Marten gives its own plain SQL operations, so it ensures no storage for it.
    public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

    public void ConfigureCommand(Weasel.Postgresql.ICommandBuilder builder, IStorageSession session)
    {
        var parameters = builder.AppendWithParameters("select 1 from pg_advisory_xact_lock_shared(hashtext(?))");
        parameters[0].Value = StatementTables.LockKey(tenantId);
    }

    public async Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => await reader.ReadAsync(token);

    public OperationRole Role() => OperationRole.Other;
}
