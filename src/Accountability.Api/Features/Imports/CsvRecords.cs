using System.Text;

namespace Accountability.Api.Features.Imports;

/// <summary>Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.</summary>
public static class CsvRecords
{
    /// <summary>Each record with the line it starts on (1-based).</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, startLine, quoted, any) = (1, 1, false, false);
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append((char)c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (startLine, [.. fields]);
                    (fields, field, any) = ([], new StringBuilder(), false);
                    startLine = ++line;
                    break;
                default: field.Append((char)c); break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return (startLine, [.. fields]);
        }
    }
}
