using System.Net;
using System.Net.Sockets;
using Accountability.Api.Features.Webhooks;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>
/// The guard as a pure function of an address, against every block of the committed registry copy: an address at the
/// start, middle and end of each block, and each IPv4 one in every IPv6 form that carries it. Nothing here connects.
/// </summary>
[Category("api")]
public sealed class TargetAddressTests
{
    /// <summary>The blocks whose addresses are judged by the IPv4 address they carry, tested through <see cref="Ipv4Samples"/>.</summary>
    private static readonly IPNetwork[] CarryingForms = [.. new[] { "::ffff:0:0/96", "64:ff9b::/96", "2002::/16", "2001::/32" }.Select(IPNetwork.Parse)];

    private static readonly string[] PublicIpv4 = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "192.0.1.1", "198.20.0.1"];

    public static IEnumerable<TestCaseData> RegistryAddresses() =>
        from block in SpecialPurposeAddresses.All
        where !CarryingForms.Contains(block.Block)
        from address in SamplesOf(block)
        select new TestCaseData(address.ToString(), block.Block.ToString(), block.GloballyReachable)
            .SetArgDisplayNames(address.ToString(), block.Block.ToString());

    public static IEnumerable<TestCaseData> Ipv4Samples() =>
        from block in SpecialPurposeAddresses.All
        where block.Block.BaseAddress.AddressFamily == AddressFamily.InterNetwork
        from address in SamplesOf(block)
        select new TestCaseData(address.ToString(), block.GloballyReachable == true).SetArgDisplayNames(address.ToString(), block.Block.ToString());

    [TestCaseSource(nameof(RegistryAddresses))]
    public void An_address_is_refused_unless_its_most_specific_block_is_globally_reachable(string address, string block, bool? reachable)
    {
        var why = TargetAddresses.WhyRefused(IPAddress.Parse(address));

        Assert.That(why is null, Is.EqualTo(reachable == true), why ?? "accepted");
        if (why is not null)
            Assert.That(why, Does.Contain(block));
    }

    [TestCaseSource(nameof(Ipv4Samples))]
    public void An_IPv4_address_is_judged_alike_in_every_form_that_carries_it_and_refused_in_the_deprecated_or_local_ones(string address, bool reachable)
    {
        var v4 = IPAddress.Parse(address);
        Assert.That(TargetAddresses.WhyRefused(v4) is null, Is.EqualTo(reachable), address);
        Assert.Multiple(() =>
        {
            foreach (var (form, carrier) in JudgedForms(v4))
                Assert.That(TargetAddresses.WhyRefused(carrier) is null, Is.EqualTo(reachable), $"{form} {carrier}");
            foreach (var (form, carrier) in RefusedForms(v4))
                Assert.That(TargetAddresses.WhyRefused(carrier), Is.Not.Null, $"{form} {carrier}");
        });
    }

    [TestCase("10.0.0.1", "64:ff9b::a00:1")]
    [TestCase("169.254.169.254", "64:ff9b::a9fe:a9fe")]
    [TestCase("10.0.0.1", "::ffff:a00:1")]
    [TestCase("127.0.0.1", "2002:7f00:1::")]
    [TestCase("10.0.0.1", "2002:a00:1::1")]
    public void A_refusal_of_a_carrying_form_names_the_address_it_carries(string carried, string address)
    {
        Assert.That(TargetAddresses.WhyRefused(IPAddress.Parse(address)), Does.Contain($" for {carried}").And.Contain("not globally reachable"));
    }

    [TestCaseSource(nameof(PublicAddresses))]
    public void Public_addresses_are_accepted_as_they_are_and_in_the_forms_judged_by_what_they_carry(string address)
    {
        Assert.That(TargetAddresses.WhyRefused(IPAddress.Parse(address)), Is.Null);
    }

    public static IEnumerable<string> PublicAddresses() =>
        PublicIpv4.Concat(["2606:4700:4700::1111", "2a00:1450:4001::1", "2001:200::1", "3000::1"])
            .Concat(PublicIpv4.SelectMany(a => JudgedForms(IPAddress.Parse(a))).Select(f => f.Carrier.ToString()));

    [Test]
    public void The_copy_of_the_registries_holds_every_block_they_list()
    {
        string[] ipv4 = ["0.0.0.0/8", "0.0.0.0/32", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32",
            "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32"];
        string[] ipv6 = ["::1/128", "::/128", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64", "2001::/23",
            "2001::/32", "2001:1::1/128", "2001:1::2/128", "2001:1::3/128", "2001:2::/48", "2001:3::/32", "2001:4:112::/48", "2001:10::/28",
            "2001:20::/28", "2001:30::/28", "2001:db8::/32", "2002::/16", "2620:4f:8000::/48", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10"];

        Assert.That(Blocks("ipv4-special"), Is.EquivalentTo(ipv4.Select(IPNetwork.Parse)));
        Assert.That(Blocks("ipv6-special"), Is.EquivalentTo(ipv6.Select(IPNetwork.Parse)));
        Assert.That(Blocks("outside"), Is.SupersetOf(new[] { "224.0.0.0/4", "ff00::/8", "::/96" }.Select(IPNetwork.Parse)));
    }

    [Test]
    public void Every_block_has_an_address_of_its_own_to_test()
    {
        Assert.That(SpecialPurposeAddresses.All.Where(b => !SamplesOf(b).Any()).Select(b => b.Block), Is.Empty);
    }

    private static IEnumerable<IPNetwork> Blocks(string registry) => SpecialPurposeAddresses.All.Where(b => b.Registry == registry).Select(b => b.Block);

    /// <summary>First, middle and last address of a block, leaving out those a more specific block decides.</summary>
    private static IEnumerable<IPAddress> SamplesOf(SpecialPurposeBlock block)
    {
        var bits = block.Block.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var first = ToNumber(block.Block.BaseAddress);
        var span = block.Block.PrefixLength == bits ? UInt128.Zero : (UInt128.One << (bits - block.Block.PrefixLength)) - 1;
        return new[] { first, first + (span + 1) / 2, first + span }.Distinct()
            .Select(n => FromNumber(n, bits))
            .Where(a => !SpecialPurposeAddresses.All.Any(other => other.Block.PrefixLength > block.Block.PrefixLength
                && other.Block.BaseAddress.AddressFamily == a.AddressFamily && other.Block.Contains(a)));
    }

    /// <summary>The forms judged by the address they carry: IPv4-mapped, NAT64 (64:ff9b::/96), 6to4, Teredo as server and as client.</summary>
    private static IEnumerable<(string Form, IPAddress Carrier)> JudgedForms(IPAddress v4)
    {
        var b = v4.GetAddressBytes();
        var inverted = b.Select(x => (byte)~x).ToArray();
        yield return ("IPv4-mapped", V6([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, .. b]));
        yield return ("NAT64", V6([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, .. b]));
        yield return ("6to4", V6([0x20, 0x02, .. b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
        yield return ("Teredo server", V6([0x20, 0x01, 0, 0, .. b, 0, 0, 0, 0, 0xf7, 0xf7, 0xf7, 0xf7])); // client 8.8.8.8
        yield return ("Teredo client", V6([0x20, 0x01, 0, 0, 8, 8, 4, 4, 0, 0, 0, 0, .. inverted])); // server 8.8.4.4
    }

    /// <summary>Deprecated embeddings and the local-use NAT64 prefix, at each RFC 6052 position a /48 to /96 prefix puts it.</summary>
    private static IEnumerable<(string Form, IPAddress Carrier)> RefusedForms(IPAddress v4)
    {
        var b = v4.GetAddressBytes();
        byte[] local = [0, 0x64, 0xff, 0x9b, 0, 1];
        yield return ("IPv4-compatible", V6([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .. b]));
        yield return ("SIIT", V6([0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, .. b]));
        yield return ("NAT64 local /48", V6([.. local, b[0], b[1], 0, b[2], b[3], 0, 0, 0, 0, 0]));
        yield return ("NAT64 local /56", V6([.. local, 0, b[0], 0, b[1], b[2], b[3], 0, 0, 0, 0]));
        yield return ("NAT64 local /64", V6([.. local, 0, 0, 0, b[0], b[1], b[2], b[3], 0, 0, 0]));
        yield return ("NAT64 local /96", V6([.. local, 0, 0, 0, 0, 0, 0, .. b]));
    }

    private static IPAddress V6(byte[] bytes) => new(bytes);

    private static UInt128 ToNumber(IPAddress address) =>
        address.GetAddressBytes().Aggregate(UInt128.Zero, (n, b) => (n << 8) | b);

    private static IPAddress FromNumber(UInt128 n, int bits)
    {
        var bytes = new byte[bits / 8];
        for (var i = bytes.Length - 1; i >= 0; i--, n >>= 8)
            bytes[i] = (byte)(n & 0xff);
        return new IPAddress(bytes);
    }
}
