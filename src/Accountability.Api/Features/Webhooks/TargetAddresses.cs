using System.Net;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// Whether a webhook may go to an address, from the special-purpose registries alone: refused unless the most specific
/// block holding it is globally reachable; the IPv6 forms that carry an IPv4 address are judged by what they carry.
/// </summary>
public static class TargetAddresses
{
    /// <summary>Why deliveries to this address are refused, or null when it is an ordinary global address.</summary>
    public static string? WhyRefused(IPAddress address)
    {
        if (EmbeddedIPv4.Of(address) is var (form, embedded))
            return embedded.Select(a => WhyRefused(a) is { } why ? $"{address} is {form} for {a}, and {why}" : null).FirstOrDefault(w => w is not null);
        return SpecialPurposeAddresses.MostSpecific(address) is { GloballyReachable: not true } block
            ? $"{address} is in {block.Block} ({block.Name}, {block.Rfc}), which is not globally reachable"
            : null;
    }
}
