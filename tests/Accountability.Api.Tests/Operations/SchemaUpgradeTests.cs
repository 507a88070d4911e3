using Accountability.Api.Persistence;
using Accountability.Api.Tests.Infrastructure;
using Npgsql;

namespace Accountability.Api.Tests.Operations;

/// <summary>A database made by an earlier version, brought up to date by <c>db apply</c> with its rows kept.</summary>
[Category("slow")]
public sealed class SchemaUpgradeTests
{
    [Test]
    public async Task Db_apply_rekeys_the_scorecard_facts_of_a_schema_made_before_facts_named_their_party_and_keeps_the_rows()
    {
        await using var own = new OwnSchema();
        var schema = new Dictionary<string, string?> { ["Accountability__Schema"] = own.Name };
        var made = await CommandLineRun.RunAsync(schema, "db", "apply");
        Assert.That(made.ExitCode, Is.Zero, made.Error);
        // The key as the version before charged parties made it (commit f9be0a4^), with a fact written under it.
        await SqlAsync($"""
            alter table {own.Name}.scorecard_facts drop constraint pkey_scorecard_facts_tenant_id_complaint_id_version_kind_party;
            alter table {own.Name}.scorecard_facts add constraint pkey_scorecard_facts_tenant_id_complaint_id_version_kind primary key (tenant_id, complaint_id, version, kind);
            insert into {own.Name}.scorecard_facts (tenant_id, complaint_id, version, kind, party, product, category, at)
                values ('old', gen_random_uuid(), 4, 'flagged', 'acme', 'Photo Pro', 'crash', now());
            """);

        var apply = await CommandLineRun.RunAsync(schema, "db", "apply");
        Assert.That(apply.ExitCode, Is.Zero, apply.Error);
        Assert.That(apply.Output, Does.Contain("Update").And.Contain("scorecard_facts"));

        Assert.That(await SqlAsync($"select pg_get_constraintdef(oid) from pg_constraint where conrelid = '{own.Name}.scorecard_facts'::regclass and contype = 'p'"),
            Is.EqualTo("PRIMARY KEY (tenant_id, complaint_id, version, kind, party)"));
        Assert.That(await SqlAsync($"select count(*)::text from {own.Name}.scorecard_facts where tenant_id = 'old'"), Is.EqualTo("1"));
    }

    [Test]
    public async Task Db_apply_replaces_the_complaints_index_over_the_whole_document_with_the_lists_indexes_and_then_finds_nothing_to_change()
    {
        await using var own = new OwnSchema();
        var schema = new Dictionary<string, string?> { ["Accountability__Schema"] = own.Name };
        var made = await CommandLineRun.RunAsync(schema, "db", "apply");
        Assert.That(made.ExitCode, Is.Zero, made.Error);
        // The indexes as the version before the lists' own indexes made them (commit 15dafbb).
        await SqlAsync($"""
            drop index {own.Name}.{ComplaintIndexes.PartiesInvolvedIndex};
            drop index {own.Name}.{ComplaintIndexes.FlaggedIndex};
            create index mt_doc_complaint_idx_data on {own.Name}.mt_doc_complaint using gin (data jsonb_path_ops);
            """);

        var apply = await CommandLineRun.RunAsync(schema, "db", "apply");
        Assert.That(apply.ExitCode, Is.Zero, apply.Error);
        Assert.That(apply.Output, Does.Contain("Update").And.Contain("mt_doc_complaint"));
        Assert.That(await SqlAsync($"select string_agg(indexname, ',' order by indexname) from pg_indexes where schemaname = '{own.Name}' and tablename = 'mt_doc_complaint' and indexname ~ 'data|flagged|parties'"),
            Is.EqualTo($"{ComplaintIndexes.FlaggedIndex},{ComplaintIndexes.PartiesInvolvedIndex}"));

        var again = await CommandLineRun.RunAsync(schema, "db", "apply");
        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(again.Output, Does.Not.Contain("mt_doc_complaint"), "an index PostgreSQL prints back differently would be rebuilt on every start");
    }

    private static async Task<string?> SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
