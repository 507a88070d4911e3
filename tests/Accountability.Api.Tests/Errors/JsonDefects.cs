using System.Text;
using System.Text.Json.Nodes;

namespace Accountability.Api.Tests.Errors;

/// <summary>
/// Bodies with one thing wrong, each with the key the answer must name: a property of the wrong type, missing, null,
/// too long, with text the store cannot hold, invalid UTF-8, too deep (named by its JSON path); an unknown or repeated
/// property (named by its name); or a body that is no JSON object at all, cut short or over the size limit ("body").
/// </summary>
public static class JsonDefects
{
    private const string Marker = "__corpus_raw__";
    private const string Body = "body";

    public static readonly string HugeString = new('x', 100_000);

    public static JsonObject Plausible(JsonObject schema) => (JsonObject)PlausibleValue(schema)!;

    /// <param name="valid">A body the endpoint accepts; each defect changes one thing of it.</param>
    public static IEnumerable<(string Defect, byte[] Body, string Names)> Of(JsonObject schema, JsonObject valid, Random random, long bodyLimit)
    {
        foreach (var (path, property, required) in Properties(schema, ""))
        {
            foreach (var (defect, raw) in WrongValues(path, property, required))
                yield return ($"{path}: {defect}", With(valid, path, raw), defect == "NaN" || (defect == "huge" && bodyLimit < HugeString.Length) ? Body : path);
            if (required)
                yield return ($"{path}: missing", Without(valid, path), path);
        }
        var bytes = Encoding.UTF8.GetBytes(valid.ToJsonString());
        var first = valid.First();
        var unknown = valid.DeepClone().AsObject();
        unknown["unexpected"] = true;
        yield return ("unknown property", Encoding.UTF8.GetBytes(unknown.ToJsonString()), "unexpected");
        yield return ("duplicate key", Encoding.UTF8.GetBytes($"{{\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"},{valid.ToJsonString()[1..]}"), first.Key);
        for (var i = 0; i < 3; i++)
            yield return ("truncated", bytes[..random.Next(1, bytes.Length - 1)], Body);
        foreach (var whole in (string[])["", "[]", "42", "\"text\"", "true", "{", "}", "{,}", "{'a':1}", "/* c */{}"])
            yield return ($"body {(whole.Length == 0 ? "empty" : whole)}", Encoding.UTF8.GetBytes(whole), Body);
        yield return ("trailing comma", Encoding.UTF8.GetBytes(valid.ToJsonString()[..^1] + ",}"), Body);
        yield return ("deep array body", Deep(10_000), Body);
        // Read as two replacement characters: an unknown field of that name.
        yield return ("invalid UTF-8 name", [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "\uFFFD\uFFFD");
        yield return ("over the size limit", [.. bytes[..^1], .. Encoding.UTF8.GetBytes(new string(' ', (int)bodyLimit)), (byte)'}'], Body);
    }

    private static IEnumerable<(string Path, JsonObject Schema, bool Required)> Properties(JsonObject schema, string prefix)
    {
        var required = schema["required"]?.AsArray().Select(n => (string)n!).ToHashSet() ?? [];
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return (path, property!.AsObject(), required.Contains(name));
            if (property["properties"] is not null)
            {
                foreach (var nested in Properties(property.AsObject(), path))
                    yield return nested;
            }
        }
    }

    private static IEnumerable<(string Defect, byte[] Raw)> WrongValues(string path, JsonObject schema, bool required)
    {
        var type = (string?)schema["type"];
        var raws = new List<(string, string)>();
        // Only a required property is surely not nullable: a $ref'd enum does not carry its nullability.
        if (required)
            raws.Add(("null", "null"));
        if (schema["enum"] is not null)
            raws.AddRange([("unknown enum", "\"Bogus\""), ("empty enum", "\"\""), ("enum as number", "1"), ("enum as array", "[]"), ("NUL", "\"a\\u0000b\"")]);
        else if (type == "string")
        {
            raws.AddRange([("number", "42"), ("boolean", "true"), ("array", "[]"), ("object", "{}"), ("fraction", "-1.5"),
                ("NUL", "\"a\\u0000b\""), ("lone high surrogate", "\"a\\ud800b\""), ("lone low surrogate", "\"\\udc00\""), ("huge", $"\"{HugeString}\"")]);
            // The CSV of an import has no length of its own: only the body's limit bounds it.
            if (path != "csv")
                raws.Add(("too long", $"\"{new string('x', 20_000)}\""));
        }
        if (type == "string" && (string?)schema["format"] == "date-time")
            raws.AddRange([("not a date", "\"yesterday\""), ("impossible date", "\"2026-13-45T99:00:00Z\"")]);
        if (type is "integer" or "number")
        {
            raws.AddRange([("word", "\"many\""), ("boolean", "true"), ("array", "[]"), ("object", "{}"), ("negative", "-1"),
                ("int32 overflow", "2147483648"), ("int64 overflow", "9223372036854775808"), ("int64 underflow", "-9223372036854775809"),
                ("1e400", "1e400"), ("NaN", "NaN")]);
            if (type == "integer")
                raws.Add(("fraction", "1.5"));
        }
        if (type == "boolean")
            raws.AddRange([("word", "\"yes\""), ("number", "1"), ("array", "[]"), ("object", "{}")]);
        if (type == "array")
            raws.AddRange([("string", "\"x\""), ("object", "{}"), ("number", "42"), ("null item", "[null]"), ("number item", "[42]"), ("nested item", "[[]]"), ("NUL item", "[\"a\\u0000b\"]")]);
        if (type == "object")
            raws.AddRange([("string", "\"x\""), ("array", "[]"), ("number", "42"), ("boolean", "true")]);
        foreach (var (defect, raw) in raws)
            yield return (defect, Encoding.UTF8.GetBytes(raw));
        if (type != "string")
            yield break;
        yield return ("invalid UTF-8", [(byte)'"', 0xFF, 0xFE, (byte)'"']);
        yield return ("truncated UTF-8", [(byte)'"', (byte)'a', 0xC3, (byte)'"']);
        yield return ("overlong UTF-8", [(byte)'"', 0xC0, 0xAF, (byte)'"']);
        yield return ("surrogate in UTF-8", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']);
    }

    private static byte[] With(JsonObject valid, string path, byte[] raw)
    {
        var copy = valid.DeepClone().AsObject();
        var (parent, name) = Locate(copy, path);
        parent[name] = Marker;
        var json = Encoding.UTF8.GetBytes(copy.ToJsonString());
        var marker = Encoding.UTF8.GetBytes($"\"{Marker}\"");
        var at = json.AsSpan().IndexOf(marker);
        return [.. json[..at], .. raw, .. json[(at + marker.Length)..]];
    }

    private static byte[] Without(JsonObject valid, string path)
    {
        var copy = valid.DeepClone().AsObject();
        var (parent, name) = Locate(copy, path);
        parent.Remove(name);
        return Encoding.UTF8.GetBytes(copy.ToJsonString());
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject root, string path)
    {
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(root, (node, name) => node[name]!.AsObject());
        return (parent, names[^1]);
    }

    private static byte[] Deep(int levels) => Encoding.UTF8.GetBytes(new string('[', levels) + new string(']', levels));

    private static JsonNode? PlausibleValue(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
            return values[0]!.DeepClone();
        return (string?)schema["type"] switch
        {
            "string" when (string?)schema["format"] == "date-time" => "2026-01-01T00:00:00Z",
            "string" when (string?)schema["format"] == "uuid" => Guid.Empty.ToString(),
            "string" => "x",
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(PlausibleValue(schema["items"]!.AsObject())),
            _ => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p =>
                KeyValuePair.Create(p.Key, PlausibleValue(p.Value!.AsObject())))),
        };
    }
}
