using Accountability.Api.Persistence;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Marten;
using Npgsql;

namespace Accountability.Api.Tests.Complaints;

/// <summary>
/// The vendors' list and the flags lists find their complaints through an index of their own: PostgreSQL's plan for the
/// SQL Marten sends names it. The plan is made over a marketplace of 4,000 complaints, 1 in 40 a vendor's and 1 in 50
/// flagged, written, analysed and rolled back in the transaction that asks for it (sequential scans off: the table is
/// still small enough to read whole). On a schema of its own: on the shared one, the statistics would also sample every
/// other fixture's complaints, and the plan would depend on what ran before.
/// </summary>
[Category("api")]
public sealed class ListIndexTests
{
    private IsolatedNode node = null!;

    [OneTimeSetUp]
    public void StartNode() => node = IsolatedNode.Start();

    [OneTimeTearDown]
    public async Task StopNode() => await node.DisposeAsync();

    [Test]
    public async Task The_vendors_list_reads_the_index_of_parties_involved()
    {
        var plan = await PlanAsync(q => q.InvolvingParty("v7"));
        Assert.That(plan, Does.Contain(ComplaintIndexes.PartiesInvolvedIndex), plan);
    }

    [TestCase(null)]
    [TestCase("ping-pong")]
    public async Task The_flags_list_reads_the_index_of_flagged_complaints(string? rule)
    {
        var plan = await PlanAsync(q => q.Flagged(rule));
        Assert.That(plan, Does.Contain(ComplaintIndexes.FlaggedIndex), plan);
    }

    private async Task<string> PlanAsync(Func<IQueryable<Complaint>, IQueryable<Complaint>> filter)
    {
        var tenant = $"plan-{Guid.NewGuid():N}"[..17];
        var store = node.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(tenant);
        var command = filter(session.Query<Complaint>()).OrderByDescending(c => c.FiledAt).ToCommand();
        TestContext.Out.WriteLine(command.CommandText);
        var table = store.Options.FindOrResolveDocumentType(typeof(Complaint)).TableName.QualifiedName;

        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var seed = new NpgsqlCommand($"""
            insert into {table} (tenant_id, id, data, mt_dotnet_type, filed_at)
                select @tenant, gen_random_uuid(), jsonb_build_object('partiesInvolved', jsonb_build_array('store', 'v' || i % 40),
                    'flaggedRules', case when i % 50 = 0 then '["ping-pong"]'::jsonb else '[]'::jsonb end), 'Complaint', now() - i * interval '1 minute'
                from generate_series(1, 4000) i;
            analyze {table};
            set local enable_seqscan = off;
            """, connection, transaction) { Parameters = { new("tenant", tenant) } })
            await seed.ExecuteNonQueryAsync();
        command.CommandText = "explain " + command.CommandText;
        command.Connection = connection;
        command.Transaction = transaction;
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
