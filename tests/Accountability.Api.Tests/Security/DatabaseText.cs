using Npgsql;

namespace Accountability.Api.Tests.Security;

/// <summary>Searches every row of every table of the test schema, as text, the way someone with a copy of the database would.</summary>
public static class DatabaseText
{
    public static async Task<IReadOnlyList<string>> TablesHoldingAsync(string text)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        var tables = await TablesAsync(connection, tenantRowsOnly: false);
        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand(
                $"select exists (select 1 from {ServiceUnderTest.Schema}.{table} t where strpos(t::text, $1) > 0)", connection);
            search.Parameters.Add(new NpgsqlParameter { Value = text });
            if ((bool)(await search.ExecuteScalarAsync())!)
                holding.Add(table);
        }
        return holding;
    }

    /// <summary>The schema's tables; with <paramref name="tenantRowsOnly"/>, those whose rows carry a tenant_id.</summary>
    public static async Task<IReadOnlyList<string>> TablesAsync(NpgsqlConnection connection, bool tenantRowsOnly)
    {
        await using var find = new NpgsqlCommand("""
            select distinct c.table_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = $1 and t.table_type = 'BASE TABLE' and (not $2 or c.column_name = 'tenant_id')
            order by 1
            """, connection);
        find.Parameters.Add(new NpgsqlParameter { Value = ServiceUnderTest.Schema });
        find.Parameters.Add(new NpgsqlParameter { Value = tenantRowsOnly });
        var tables = new List<string>();
        await using var reader = await find.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        Assert.That(tables, Has.Member("mt_events"));
        return tables;
    }
}
