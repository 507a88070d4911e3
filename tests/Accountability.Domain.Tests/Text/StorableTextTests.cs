using Accountability.Domain.Text;

namespace Accountability.Domain.Tests.Text;

public sealed class StorableTextTests
{
    // Built in code with names of their own: an attribute stores its string as UTF-8, which turns a lone surrogate into
    // U+FFFD, and a test name holding one is dropped by the test adapter.
    private static readonly TestCaseData[] Storable =
    [
        Case("", "empty"), Case("plain words", "ascii"), Case("accents: é, ñ, ü", "accents"), Case("a pair: \U0001F600 and CJK 漢字", "surrogate pair"),
    ];

    private static readonly TestCaseData[] Unstorable =
    [
        Case("a\0b", "nul inside"), Case("\0", "nul alone"), Case("lone high \uD83D", "lone high surrogate"),
        Case("\uDE00 lone low", "lone low surrogate"), Case("reversed \uDE00\uD83D pair", "reversed pair"),
    ];

    private static TestCaseData Case(string text, string name) => new TestCaseData(text).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Storable))]
    public void Keeps_text_the_store_can_hold(string text) => Assert.That(StorableText.IsStorable(text), Is.True);

    [TestCaseSource(nameof(Unstorable))]
    public void Refuses_nul_and_unpaired_surrogates(string text) => Assert.That(StorableText.IsStorable(text), Is.False);
}
