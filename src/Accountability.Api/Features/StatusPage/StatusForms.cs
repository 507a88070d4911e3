using System.Globalization;
using System.Security.Cryptography;
using Accountability.Api.Features.Pages;
using Microsoft.AspNetCore.DataProtection;

namespace Accountability.Api.Features.StatusPage;

/// <summary>
/// The hidden field every status page form carries: which complaint, at which version the page showed it, sealed by
/// the service's data protection keys (shared by all nodes through the database) and valid for a while. A form
/// without a valid seal is refused, so another site cannot post one; the version makes a second submission of the
/// same form a replay of the first instead of a second event.
/// </summary>
public sealed class StatusForms(IDataProtectionProvider provider)
{
    public const string FieldName = PageFormEndpoint.SealField;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector("Accountability.StatusPage.Forms").ToTimeLimitedDataProtector();

    public string Seal(Guid complaint, long version) => protector.Protect($"{complaint:N}:{version.ToString(CultureInfo.InvariantCulture)}", Lifetime);

    /// <summary>The version the form was shown at, or null when the seal is missing, forged, expired, or for another complaint.</summary>
    public long? VersionOf(string? sealedForm, Guid complaint)
    {
        if (string.IsNullOrEmpty(sealedForm))
            return null;
        try
        {
            var parts = protector.Unprotect(sealedForm).Split(':');
            return parts is [var id, var version] && id == complaint.ToString("N") && long.TryParse(version, CultureInfo.InvariantCulture, out var v)
                ? v : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
