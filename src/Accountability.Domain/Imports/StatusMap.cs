using System.Collections.Immutable;

namespace Accountability.Domain.Imports;

/// <summary>What a source's status word means for a complaint. The mapping names them in camelCase (waitingOnThirdParty).</summary>
public enum StatusMeaning
{
    /// <summary>Received, nobody working on it yet: changes nothing, except that it reopens a finished case.</summary>
    Open,
    Acknowledged,
    InProgress,
    WaitingOnCustomer,
    WaitingOnThirdParty,
    Resolved,
    Closed,
    /// <summary>Withdrawn: ends the case unresolved, with no blame.</summary>
    Cancelled,
    Reopened,
}

/// <summary>
/// A source's status words and what each means, compared trimmed and case-insensitively. Without a map of its own, a
/// mapping gets <see cref="Default"/>: the words of common ticket systems. A word the map does not know means nothing
/// and is reported, never guessed.
/// </summary>
public sealed class StatusMap
{
    private readonly ImmutableDictionary<string, StatusMeaning> meanings;

    private StatusMap(IEnumerable<KeyValuePair<string, StatusMeaning>> words) =>
        meanings = words.ToImmutableDictionary(w => Normalise(w.Key), w => w.Value);

    public static StatusMap Default { get; } = new(new Dictionary<string, StatusMeaning>
    {
        ["new"] = StatusMeaning.Open, ["open"] = StatusMeaning.Open,
        ["active"] = StatusMeaning.InProgress, ["in progress"] = StatusMeaning.InProgress, ["work in progress"] = StatusMeaning.InProgress,
        ["awaiting user info"] = StatusMeaning.WaitingOnCustomer, ["awaiting customer"] = StatusMeaning.WaitingOnCustomer,
        ["pending customer"] = StatusMeaning.WaitingOnCustomer,
        ["resolved"] = StatusMeaning.Resolved, ["closed"] = StatusMeaning.Closed,
        ["cancelled"] = StatusMeaning.Cancelled, ["canceled"] = StatusMeaning.Cancelled, ["reopened"] = StatusMeaning.Reopened,
    });

    /// <summary>The names a mapping uses for the meanings: acknowledged, inProgress, waitingOnCustomer, ...</summary>
    public static IReadOnlyList<string> MeaningNames { get; } = [.. Enum.GetNames<StatusMeaning>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])];

    public static bool TryParseMeaning(string? name, out StatusMeaning meaning)
    {
        meaning = default;
        return name is not null && MeaningNames.Contains(name, StringComparer.OrdinalIgnoreCase) && Enum.TryParse(name, ignoreCase: true, out meaning);
    }

    /// <summary>A map of the mapping's own words; every meaning must parse (the mapping checks that first).</summary>
    public static StatusMap Of(IReadOnlyDictionary<string, string> words) =>
        new(words.Select(w => KeyValuePair.Create(w.Key, TryParseMeaning(w.Value, out var m) ? m : throw new ArgumentException($"'{w.Value}' is not a status meaning."))));

    public StatusMeaning? MeaningOf(string? word) => word is not null && meanings.TryGetValue(Normalise(word), out var meaning) ? meaning : null;

    /// <summary>The words this map does not know, as first spelled in the source, with how many rows used them.</summary>
    public IReadOnlyDictionary<string, int> Unknown(IEnumerable<string?> words) => words
        .Where(w => w is not null && MeaningOf(w) is null).GroupBy(w => Normalise(w!))
        .Select(g => (Word: g.First()!.Trim(), Count: g.Count())).OrderBy(g => g.Word, StringComparer.Ordinal)
        .ToImmutableSortedDictionary(g => g.Word, g => g.Count, StringComparer.Ordinal);

    public static string Normalise(string word) => word.Trim().ToLowerInvariant();
}
