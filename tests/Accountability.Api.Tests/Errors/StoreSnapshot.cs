using Npgsql;

namespace Accountability.Api.Tests.Errors;

/// <summary>
/// What the store holds, read with plain SQL: a hash of every row of every table in the test schema (events, streams,
/// documents, the webhook outbox), the given tenants' rows where a table has a tenant column, so that a row changed in
/// place shows as well as one added or removed.
/// </summary>
public static class StoreSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(params string[] tenants)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        var tables = await ReadAsync(connection, """
            SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c
                WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'tenant_id')
            FROM information_schema.tables t WHERE t.table_schema = @schema AND t.table_type = 'BASE TABLE' ORDER BY 1
            """, tenants, r => (r.GetString(0), r.GetBoolean(1)));
        var lines = new List<string>();
        foreach (var (table, tenanted) in tables)
        {
            var filter = tenanted ? " WHERE t.tenant_id = ANY(@tenants)" : "";
            lines.AddRange(await ReadAsync(connection,
                $"SELECT md5(t::text) FROM {ServiceUnderTest.Schema}.{table} t{filter} ORDER BY 1", tenants, r => $"{table} {r.GetString(0)}"));
        }
        return lines;
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, string[] tenants, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", ServiceUnderTest.Schema);
        command.Parameters.AddWithValue("tenants", tenants);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }
}
