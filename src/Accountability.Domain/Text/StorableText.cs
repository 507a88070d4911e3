namespace Accountability.Domain.Text;

/// <summary>
/// The one rule for text the ledger can keep: PostgreSQL's text and jsonb refuse the NUL character, and a lone UTF-16
/// surrogate has no UTF-8 form. Every body field, query parameter and imported cell is checked against it at the door.
/// </summary>
public static class StorableText
{
    public const string Rule = "must not contain the NUL character or an unpaired surrogate";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
                return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return false;
        }
        return true;
    }
}
