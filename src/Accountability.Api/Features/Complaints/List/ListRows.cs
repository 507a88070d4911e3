using System.Buffers;
using System.Data.Common;
using Marten.Linq.QueryHandlers;
using Weasel.Postgresql;
using Weasel.Storage;

namespace Accountability.Api.Features.Complaints.List;

/// <summary>
/// A page's rows, each the stored item's JSON as PostgreSQL sent it (UTF-8), one after the other in one pooled buffer:
/// read as strings, a page's rows were most of what a list request allocated, then each was converted back to UTF-8 to
/// be parsed (decision 0048). Dispose it once the answer is written.
/// </summary>
public sealed class ListRows : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private readonly List<(int Start, int Length)> rows = new(51);
    private int end;

    public int Count { get; private set; }

    public ReadOnlyMemory<byte> this[int index] =>
        index < Count ? buffer.AsMemory(rows[index].Start, rows[index].Length) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Keeps only the first <paramref name="count"/> rows (the one read past a page only says that more follow).</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void Add(Stream row)
    {
        var start = end;
        int read;
        do
        {
            if (end == buffer.Length)
                Grow();
            read = row.Read(buffer, end, buffer.Length - end);
            end += read;
        } while (read > 0);
        rows.Add((start, end - start));
        Count = rows.Count;
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    /// <summary>
    /// Reads the rows of a query whose one column is text, in a Marten batch: the SQL with <c>?</c> for each value, the values
    /// bound as Marten binds a user-supplied query's (<c>IBatchedQuery.Query&lt;string&gt;</c>).
    /// </summary>
    public sealed class Query(string sql, object[] values) : IQueryHandler<ListRows>
    {
        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            var parameters = builder.AppendWithParameters(sql);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = values[i];
                parameters[i].NpgsqlDbType = PostgresqlProvider.Instance.ToParameterType(values[i].GetType());
            }
        }

        public async Task<ListRows> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
        {
            var rows = new ListRows();
            try
            {
                while (await reader.ReadAsync(token))
                {
                    // The row is already buffered whole (no sequential access): its stream reads the bytes as sent.
                    await using var row = reader.GetStream(0);
                    rows.Add(row);
                }
                return rows;
            }
            catch
            {
                rows.Dispose();
                throw;
            }
        }

        public ListRows Handle(DbDataReader reader, IStorageSession session) => throw new NotSupportedException("The list reads asynchronously.");

        public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) => throw new NotSupportedException();
    }
}
