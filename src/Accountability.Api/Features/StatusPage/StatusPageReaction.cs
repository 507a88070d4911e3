using Accountability.Api.Features.Complaints.Writing;
using Accountability.Domain.Customers;
using Marten;
using Marten.Services.BatchQuerying;
using NpgsqlTypes;

namespace Accountability.Api.Features.StatusPage;

/// <summary>
/// Keeps the status page with its complaint's writes. One at a time: the page is loaded with the complaint's stream, in the
/// write's one batch, so that in an identity session its inline projection finds it in the session's map on saving
/// instead of querying for it again. Batched: the pages of copied streams, which no projection sees, are copied too.
/// </summary>
public sealed class StatusPageReaction : IComplaintWriteReaction
{
    public void Prepare(IBatchedQuery batch, Guid complaintId) => _ = batch.Load<StatusPageDocument>(complaintId);

    public void React(IDocumentSession session, WrittenComplaint written) { }

    /// <summary>The pages the inline projection would fold from the copied streams, at the stream's version as it writes them.</summary>
    public async Task WriteCopiedAsync(IDocumentSession session, IReadOnlyList<CopiedComplaint> copied, CancellationToken ct)
    {
        var options = session.DocumentStore.Options;
        var table = options.FindOrResolveDocumentType(typeof(StatusPageDocument)).TableName.QualifiedName;
        var serializer = options.Serializer();
        var tenant = session.TenantId;
        await using var copy = await session.Connection!.BeginBinaryImportAsync(
            $"COPY {table} (tenant_id, id, data, mt_dotnet_type, mt_version, token_hash) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (id, events, _) in copied)
        {
            if (events.Aggregate((CustomerStatus?)null, CustomerStatus.Evolve) is not { } page)
                continue;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(tenant, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(serializer.ToJson(new StatusPageDocument(id, tenant, page.TokenHash, page)), NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(typeof(StatusPageDocument).FullName, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync((long)events.Count, NpgsqlDbType.Bigint, ct);
            if (page.TokenHash is null)
                await copy.WriteNullAsync(ct);
            else
                await copy.WriteAsync(page.TokenHash, NpgsqlDbType.Varchar, ct);
        }
        await copy.CompleteAsync(ct);
    }
}
