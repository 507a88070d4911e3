using Accountability.Api.Setup;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.StatusPage;

public static class StatusPageAddress
{
    /// <summary>The configured public address of status pages, else the scheme and host this request came to.</summary>
    public static string Of(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<AccountabilityOptions>>().Value.StatusPageBaseUrl
        ?? $"{http.Request.Scheme}://{http.Request.Host}";
}
