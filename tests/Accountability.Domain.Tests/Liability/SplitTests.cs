using Accountability.Domain.Liability;

namespace Accountability.Domain.Tests.Liability;

public sealed class SplitTests
{
    private static Share[] Shares(params int[] basisPoints) => [.. basisPoints.Select((bp, i) => new Share($"p{i}", bp))];

    [Test]
    public void Seventy_thirty_of_ten_euros_is_seven_and_three() =>
        Assert.That(Split.Allocate(new Money(10m, "EUR"), Shares(7000, 3000)).Select(p => p.Part),
            Is.EqualTo(new[] { new Money(7m, "EUR"), new Money(3m, "EUR") }));

    [Test]
    public void The_cent_left_over_goes_to_the_largest_remainder()
    {
        // 0.10 by 1/6, 1/3, 1/2 (1667, 3333, 5000 bp): exact 1.667, 3.333, 5.0 cents; floors 1, 3, 5 leave 1 cent for the 0.667.
        Assert.That(Split.Allocate(10, Shares(1667, 3333, 5000)), Is.EqualTo(new long[] { 2, 3, 5 }));
    }

    [Test]
    public void A_tie_goes_to_the_larger_share_then_to_the_one_listed_first()
    {
        // 2 cents by 25/75: exact 0.5 and 1.5, floors 0 and 1; the remainders tie, so the cent left goes to the larger share.
        Assert.That(Split.Allocate(2, Shares(2500, 7500)), Is.EqualTo(new long[] { 0, 2 }));
        // 3 cents by 50/50: 1.5 and 1.5 tie in remainder and in share, so the share listed first gets the cent.
        Assert.That(Split.Allocate(3, Shares(5000, 5000)), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Random_splits_add_up_exactly_and_each_part_is_within_one_minor_unit_of_its_exact_share()
    {
        var random = new Random(20);
        for (var run = 0; run < 2000; run++)
        {
            var total = random.NextInt64(0, 100_000_000_000);
            var shares = RandomShares(random, random.Next(1, 8));
            var parts = Split.Allocate(total, shares);
            Assert.That(parts.Sum(), Is.EqualTo(total), $"run {run}");
            for (var i = 0; i < shares.Length; i++)
            {
                // The exact share as a fraction, compared without rounding: |part * 10000 - total * bp| < 10000.
                var error = (System.Numerics.BigInteger)parts[i] * Split.Whole - (System.Numerics.BigInteger)total * shares[i].BasisPoints;
                Assert.That(System.Numerics.BigInteger.Abs(error), Is.LessThan((System.Numerics.BigInteger)Split.Whole), $"run {run}, share {i}");
            }
        }
    }

    [TestCase(new[] { 7000, 2000 }, "add up to 9000")]
    [TestCase(new[] { 7000, 4000 }, "add up to 11000")]
    [TestCase(new[] { 10000, 0 }, "from 1 to 10000")]
    [TestCase(new int[0], "at least one")]
    public void Shares_that_are_not_the_whole_are_no_split(int[] basisPoints, string problem) =>
        Assert.That(Split.Problem(Shares(basisPoints)), Does.Contain(problem));

    [Test]
    public void A_party_bears_one_share_only() =>
        Assert.That(Split.Problem([new Share("acme", 5000), new Share("acme", 5000)]), Does.Contain("each party once"));

    /// <summary>Cuts 10,000 at random points: shares of at least 1 basis point that add up to the whole.</summary>
    private static Share[] RandomShares(Random random, int count)
    {
        var cuts = Enumerable.Range(0, count - 1).Select(_ => random.Next(1, Split.Whole)).Distinct().Order().ToList();
        var bounds = cuts.Prepend(0).Append(Split.Whole).ToList();
        return [.. bounds.Zip(bounds.Skip(1), (a, b) => b - a).Select((bp, i) => new Share($"p{i}", bp))];
    }
}
