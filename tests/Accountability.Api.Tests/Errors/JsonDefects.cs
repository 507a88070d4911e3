using System.Text;
using System.Text.Json.Nodes;

namespace Accountability.Api.Tests.Errors;

/// <summary>
/// Bodies that a request schema refuses, each with one thing wrong: a property of the wrong type, missing, null,
/// too long, invalid UTF-8, too deep, out of range; or a body that is no JSON object at all.
/// </summary>
public static class JsonDefects
{
    private const string Marker = "__corpus_raw__";

    public static readonly string HugeString = new('x', 100_000);

    public static JsonObject Plausible(JsonObject schema) => (JsonObject)PlausibleValue(schema)!;

    /// <summary>A plausible body with a property the API does not map: refused whatever else is right.</summary>
    public static byte[] Refused(JsonObject schema)
    {
        var body = Plausible(schema);
        body["unexpected"] = true;
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    public static IEnumerable<(string Defect, byte[] Body)> Of(JsonObject schema, Random random, long bodyLimit)
    {
        var valid = Plausible(schema);
        foreach (var (path, property, required) in Properties(schema, ""))
        {
            foreach (var (defect, raw) in WrongValues(property, required))
                yield return ($"{path}: {defect}", With(valid, path, raw));
            if (required)
                yield return ($"{path}: missing", Without(valid, path));
        }
        var bytes = Encoding.UTF8.GetBytes(valid.ToJsonString());
        var first = valid.First();
        yield return ("unknown property", Refused(schema));
        yield return ("duplicate key", Encoding.UTF8.GetBytes($"{{\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"},{valid.ToJsonString()[1..]}"));
        for (var i = 0; i < 3; i++)
            yield return ("truncated", bytes[..random.Next(1, bytes.Length - 1)]);
        foreach (var whole in (string[])["", "null", "[]", "42", "\"text\"", "true", "{", "}", "{,}", "{'a':1}", "/* c */{}"])
            yield return ($"body {Short(whole)}", Encoding.UTF8.GetBytes(whole));
        yield return ("trailing comma", Encoding.UTF8.GetBytes(valid.ToJsonString()[..^1] + ",}"));
        yield return ("deep array body", Deep(10_000));
        yield return ("invalid UTF-8 name", [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        yield return ("over the size limit", [.. bytes[..^1], .. Encoding.UTF8.GetBytes(new string(' ', (int)bodyLimit)), (byte)'}']);
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

    private static IEnumerable<(string Defect, byte[] Raw)> WrongValues(JsonObject schema, bool required)
    {
        var type = (string?)schema["type"];
        var raws = new List<(string, string)>();
        if (schema["nullable"]?.GetValue<bool>() != true || required)
            raws.Add(("null", "null"));
        if (schema["enum"] is not null)
            raws.AddRange([("unknown enum", "\"Bogus\""), ("empty enum", "\"\""), ("enum as number", "1"), ("enum as array", "[]")]);
        else if (type == "string")
            raws.AddRange([("number", "42"), ("boolean", "true"), ("array", "[]"), ("object", "{}"), ("fraction", "-1.5"), ("huge", $"\"{HugeString}\"")]);
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
            raws.AddRange([("string", "\"x\""), ("object", "{}"), ("number", "42"), ("null item", "[null]"), ("number item", "[42]"), ("nested item", "[[]]")]);
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
        yield return ("deep", Deep(10_000));
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

    private static string Short(string text) => text.Length == 0 ? "empty" : text;

    private static JsonNode? PlausibleValue(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
            return values[0]!.DeepClone();
        return (string?)schema["type"] switch
        {
            "string" when (string?)schema["format"] == "date-time" => "2026-01-01T00:00:00Z",
            "string" => "x",
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(PlausibleValue(schema["items"]!.AsObject())),
            _ => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p =>
                KeyValuePair.Create(p.Key, PlausibleValue(p.Value!.AsObject())))),
        };
    }
}
