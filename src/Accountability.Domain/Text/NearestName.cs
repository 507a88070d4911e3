namespace Accountability.Domain.Text;

/// <summary>For a name that is not there, the one that was probably meant: for "did you mean" in messages.</summary>
public static class NearestName
{
    /// <summary>The candidate closest to <paramref name="wanted"/> (ignoring case, spaces, dashes and underscores), if it is close enough to be a slip.</summary>
    public static string? To(string wanted, IEnumerable<string> candidates)
    {
        var key = Key(wanted);
        return candidates
            .Select(c => (Name: c, Distance: Distance(key, Key(c))))
            .Where(c => c.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    private static string Key(string name) =>
        new([.. name.Trim().ToLowerInvariant().Where(c => c is not (' ' or '_' or '-'))]);

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
