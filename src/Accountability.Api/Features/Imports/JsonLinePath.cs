using System.Text.Json;
using System.Text.RegularExpressions;
using Accountability.Domain.Text;

namespace Accountability.Api.Features.Imports;

/// <summary>
/// Where a value sits in a line of a JSON Lines log: member names joined by dots (<c>author.displayName</c>), and
/// <c>[member=value]</c> after an array's name to take its first element whose member has that value
/// (<c>events[field_name=status].value</c>). Paths start at the update, or at the whole line with <c>$.</c> when the
/// mapping's <c>rows</c> splits each line into several updates.
/// </summary>
public sealed partial class JsonLinePath
{
    private readonly record struct Step(string Member, string? Key, string? Value);

    private readonly Step[] steps;

    private JsonLinePath(string text, bool fromLine, Step[] steps) => (Text, FromLine, this.steps) = (text, fromLine, steps);

    public string Text { get; }

    public bool FromLine { get; }

    public const string Syntax = "member names joined by dots, with [member=value] after an array to pick its element, e.g. events[field_name=status].value";

    public static (JsonLinePath? Path, string? Problem) Parse(string text)
    {
        var fromLine = text.StartsWith("$.", StringComparison.Ordinal);
        var segments = Segments().Matches(fromLine ? text[2..] : text);
        var steps = segments.Select(m => new Step(m.Groups["member"].Value,
            m.Groups["key"].Success ? m.Groups["key"].Value : null, m.Groups["key"].Success ? m.Groups["value"].Value : null)).ToArray();
        // The segments must spell the whole path: anything they skipped (a stray bracket, an empty name) is a slip.
        var spelt = string.Join('.', segments.Select(m => m.Value));
        return steps.Length > 0 && spelt == (fromLine ? text[2..] : text)
            ? (new JsonLinePath(text, fromLine, steps), null)
            : (null, $"'{text}' is not a path: write {Syntax}");
    }

    /// <summary>
    /// The value at this path as text; null when it is JSON null or when an array holds no element the path picks
    /// (the update did not change that field); a problem when a member is missing or the value is not a scalar.
    /// </summary>
    public (string? Value, string? Problem) Find(JsonElement update, JsonElement line)
    {
        var at = FromLine ? line : update;
        var walked = FromLine ? "$" : "";
        foreach (var step in steps)
        {
            walked = walked.Length == 0 ? step.Member : $"{walked}.{step.Member}";
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(step.Member, out at))
                return (null, $"it has no '{walked}' (mapped path '{Text}')");
            if (at.ValueKind == JsonValueKind.Null)
                return (null, null);
            if (step.Key is null)
                continue;
            if (at.ValueKind != JsonValueKind.Array)
                return (null, $"its '{walked}' is not an array (mapped path '{Text}')");
            if (!TryPick(at, step.Key, step.Value!, out at))
                return (null, null);
            walked += $"[{step.Key}={step.Value}]";
        }
        return at.ValueKind switch
        {
            JsonValueKind.String => (at.GetString(), null),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => (at.GetRawText(), null),
            _ => (null, $"its '{walked}' is an {at.ValueKind.ToString().ToLowerInvariant()}, not a value (mapped path '{Text}')"),
        };
    }

    /// <summary>The array at this path (the mapping's rows), or why there is none.</summary>
    public (IReadOnlyList<JsonElement>? Items, string? Problem) FindArray(JsonElement line)
    {
        var at = line;
        foreach (var step in steps)
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(step.Member, out at))
                return (null, $"it has no '{step.Member}' (mapped path '{Text}')");
        return at.ValueKind == JsonValueKind.Array ? ([.. at.EnumerateArray()], null) : (null, $"its '{Text}' is not an array");
    }

    /// <summary>The first member of the path missing from a sample line, with the member probably meant; null when every member up to the first pick is there.</summary>
    public string? Mismatch(JsonElement update, JsonElement line)
    {
        var at = FromLine ? line : update;
        foreach (var step in steps)
        {
            if (at.ValueKind != JsonValueKind.Object)
                return null;
            if (!at.TryGetProperty(step.Member, out var next))
            {
                var members = at.EnumerateObject().Select(p => p.Name).ToArray();
                return $"the first line has no member '{step.Member}' for the path '{Text}'" +
                    (NearestName.To(step.Member, members) is { } meant ? $": did you mean '{meant}'?" : $"; its members there are {string.Join(", ", members.Take(40))}.");
            }
            if (step.Key is not null)
                return null;
            at = next;
        }
        return null;
    }

    private static bool TryPick(JsonElement array, string key, string value, out JsonElement picked)
    {
        foreach (var element in array.EnumerateArray())
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var member) && ScalarText(member) == value)
            {
                picked = element;
                return true;
            }
        picked = default;
        return false;
    }

    private static string? ScalarText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => null,
    };

    [GeneratedRegex(@"(?<member>[^.\[\]=$]+)(\[(?<key>[^.\[\]=]+)=(?<value>[^\[\]]+)\])?")]
    private static partial Regex Segments();
}
