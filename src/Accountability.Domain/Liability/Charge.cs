using System.Security.Cryptography;
using Accountability.Domain.Complaints;

namespace Accountability.Domain.Liability;

/// <summary>A charge as the complaint remembers it: what <see cref="ChargeCreated"/> said, and its reversal once reversed.</summary>
/// <param name="Id">The charge's id.</param>
/// <param name="Party">The party charged.</param>
/// <param name="Amount">How much.</param>
/// <param name="Cause">Why: a resolution's remedy, or a correction.</param>
/// <param name="At">When it was made.</param>
/// <param name="Version">The complaint's version its event made.</param>
/// <param name="Replaces">For a correction, the reversed charge it replaces.</param>
public sealed record Charge(Guid Id, string Party, Money Amount, ChargeCause Cause, DateTimeOffset At, long Version, Guid? Replaces = null)
{
    /// <summary>Why and when it was reversed; null while it stands.</summary>
    public ChargeReversal? Reversal { get; init; }

    /// <summary>The charged party's appeal and, once decided, its decision; null when it was not appealed.</summary>
    public ChargeAppeal? Appeal { get; init; }

    public static Charge From(ChargeCreated e, long version) => new(e.ChargeId, e.Party, e.Amount, e.Cause, e.At, version, e.Replaces);

    /// <summary>
    /// The id of a complaint's n-th charge: a name-based UUID (RFC 9562 version 8, from SHA-256 of the complaint's id and
    /// the number), so a decision stays a pure function and a replay makes the same ids.
    /// </summary>
    public static Guid IdFor(Guid complaintId, int number)
    {
        var hash = SHA256.HashData([.. complaintId.ToByteArray(), .. BitConverter.GetBytes(number)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

/// <summary>A charge's reversal: why, by whom and when; the charge stays in the record.</summary>
/// <param name="Reason">Why it was reversed.</param>
/// <param name="By">Who reversed it (the operator).</param>
/// <param name="At">When.</param>
public sealed record ChargeReversal(string Reason, string By, DateTimeOffset At);
