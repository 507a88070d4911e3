using System.Net;
using System.Net.Sockets;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// The IPv4 addresses an IPv6 address carries when it is one of the forms a host or a translator turns into IPv4
/// traffic: IPv4-mapped (::ffff:0:0/96), NAT64 well-known prefix (64:ff9b::/96, RFC 6052), 6to4 (2002::/16, bits
/// 16-47, RFC 3056) and Teredo (2001::/32: the server in bits 32-63, the client in the last 32 bits inverted, RFC 4380).
/// </summary>
public static class EmbeddedIPv4
{
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    /// <summary>The form and the IPv4 addresses it carries, or null when the address is no such form.</summary>
    public static (string Form, IPAddress[] Addresses)? Of(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return null;
        var b = address.GetAddressBytes();
        // Tested first, by the address itself: IPNetwork.Contains treats IPv4-mapped addresses as IPv4 ones.
        if (address.IsIPv4MappedToIPv6)
            return ("IPv4-mapped", [At(b, 12)]);
        if (Nat64.Contains(address))
            return ("NAT64", [At(b, 12)]);
        if (SixToFour.Contains(address))
            return ("6to4", [At(b, 2)]);
        if (Teredo.Contains(address))
            return ("Teredo", [At(b, 4), new IPAddress(b[12..16].Select(x => (byte)~x).ToArray())]);
        return null;
    }

    private static IPAddress At(byte[] bytes, int offset) => new(bytes[offset..(offset + 4)]);
}
