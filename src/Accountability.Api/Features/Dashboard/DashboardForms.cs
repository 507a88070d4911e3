using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Accountability.Api.Features.Dashboard;

/// <summary>
/// The dashboard's forms carry a sealed field (ASP.NET Core data protection, keys shared by every node through the
/// database) bound to what the form is for: the sign-in page, or one signed-in session. A form another site builds has no
/// valid seal, so it is refused even by a browser that would send the cookie.
/// </summary>
public sealed class DashboardForms(IDataProtectionProvider provider)
{
    public const string FieldName = "form";
    public const string SignInPurpose = "sign-in";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector("Accountability.Dashboard.Forms").ToTimeLimitedDataProtector();

    public string Seal(string boundTo) => protector.Protect(boundTo, Lifetime);

    /// <summary>Whether the sealed field was made by this service, for this purpose, and has not expired.</summary>
    public bool IsValid(string? sealedForm, string boundTo)
    {
        if (string.IsNullOrEmpty(sealedForm) || sealedForm.Length > 2000)
            return false;
        try
        {
            return protector.Unprotect(sealedForm) == boundTo;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
