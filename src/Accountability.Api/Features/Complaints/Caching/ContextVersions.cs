using Marten;
using Marten.Services.BatchQuerying;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Features.Complaints.Caching;

/// <summary>The parts of a <see cref="WriteContext"/>, each versioned on its own.</summary>
[Flags]
public enum ContextPart
{
    None = 0,
    Parties = 1,
    Policy = 2,
    /// <summary>Kept by the webhooks feature (<see cref="IWriteContextPart"/>).</summary>
    Endpoints = 4,
    All = Parties | Policy | Endpoints,
}

/// <summary>
/// A tenant's write-context versions: one counter per part, raised in the transaction that changes the part, so a reader
/// that sees a version also sees the change it counts. A tenant that never changed a part is at version 0.
/// </summary>
public sealed record ContextVersions(long Parties, long Policy, long Endpoints)
{
    public static readonly ContextVersions None = new(0, 0, 0);

    public static void Define(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, "write_context_versions", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        foreach (var part in new[] { "parties", "policy", "endpoints" })
            table.AddColumn<long>(part).NotNull().DefaultValueByExpression("0");
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>The channel a commit that changed a tenant's write context notifies, with the tenant as payload.</summary>
    public static string Channel(string schema) => $"{schema}_write_context";

    /// <summary>
    /// Raises the tenant's versions of <paramref name="parts"/> and notifies every node, both when the session commits. The
    /// upsert takes the row's lock, so concurrent changes count one after the other and a version never repeats.
    /// </summary>
    public static void Raise(IDocumentSession session, string tenantId, ContextPart parts)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        session.QueueSqlCommand($"""
            insert into {schema}.write_context_versions as v (tenant_id, parties, policy, endpoints) values (?, ?, ?, ?)
            on conflict (tenant_id) do update set parties = v.parties + excluded.parties, policy = v.policy + excluded.policy,
                endpoints = v.endpoints + excluded.endpoints
            """, tenantId, Count(parts, ContextPart.Parties), Count(parts, ContextPart.Policy), Count(parts, ContextPart.Endpoints));
        session.QueueSqlCommand("select pg_notify(?, ?)", Channel(schema), tenantId);
    }

    /// <summary>Queues the read of the tenant's versions on a batch; queue it before the parts it guards (see <see cref="WriteContextCache"/>).</summary>
    public static async Task<ContextVersions> Queue(IBatchedQuery batch, string schema, string tenantId) =>
        (await batch.Query<ContextVersions>(
            $"select jsonb_build_object('parties', parties, 'policy', policy, 'endpoints', endpoints) from {schema}.write_context_versions where tenant_id = ?",
            tenantId)).SingleOrDefault() ?? None;

    /// <summary>The parts whose versions differ from <paramref name="other"/>'s.</summary>
    public ContextPart Differing(ContextVersions other) =>
        (Parties != other.Parties ? ContextPart.Parties : ContextPart.None)
        | (Policy != other.Policy ? ContextPart.Policy : ContextPart.None)
        | (Endpoints != other.Endpoints ? ContextPart.Endpoints : ContextPart.None);

    private static long Count(ContextPart parts, ContextPart part) => parts.HasFlag(part) ? 1 : 0;
}
