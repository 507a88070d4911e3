using Accountability.Domain.Text;

namespace Accountability.Domain.Tests.Text;

public sealed class StorableTextTests
{
    [TestCase("")]
    [TestCase("plain words")]
    [TestCase("accents: é, ñ, ü")]
    [TestCase("a pair: \U0001F600 and CJK 漢字")]
    public void Keeps_text_the_store_can_hold(string text) => Assert.That(StorableText.IsStorable(text), Is.True);

    // Not [TestCase]: an attribute's string is stored as UTF-8, which turns a lone surrogate into U+FFFD.
    private static readonly string[] Unstorable = ["a\0b", "\0", "lone high \uD83D", "\uDE00 lone low", "reversed \uDE00\uD83D pair"];

    [TestCaseSource(nameof(Unstorable))]
    public void Refuses_nul_and_unpaired_surrogates(string text) => Assert.That(StorableText.IsStorable(text), Is.False);
}
