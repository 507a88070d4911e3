using Accountability.Domain.Text;

namespace Accountability.Domain.Tests.Text;

public sealed class StorableTextTests
{
    [TestCase("")]
    [TestCase("plain words")]
    [TestCase("accents: é, ñ, ü")]
    [TestCase("a pair: \U0001F600 and CJK 漢字")]
    public void Keeps_text_the_store_can_hold(string text) => Assert.That(StorableText.IsStorable(text), Is.True);

    [TestCase("a\0b")]
    [TestCase("\0")]
    [TestCase("lone high \uD83D")]
    [TestCase("\uDE00 lone low")]
    [TestCase("reversed \uDE00\uD83D pair")]
    public void Refuses_nul_and_unpaired_surrogates(string text) => Assert.That(StorableText.IsStorable(text), Is.False);
}
