using System.Security.Claims;
using System.Text.Encodings.Web;
using Accountability.Api.Http;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Auth;

/// <summary>Authenticates operator and vendor keys (X-Api-Key) and the bootstrap admin key (X-Admin-Key).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IOptions<ApiKeyOptions> options)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string AdminHeader = "X-Admin-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(AdminHeader, out var admin))
        {
            return options.Value.AdminKey is { Length: > 0 } expected && ApiKeySecrets.SameSecret(admin.ToString(), expected)
                ? Success(new Claim(ClaimTypes.Role, KeyClaims.Admin), new Claim(KeyClaims.KeyId, "admin"))
                : AuthenticateResult.Fail("Invalid admin key.");
        }
        if (!Request.Headers.TryGetValue(Header, out var presented))
            return AuthenticateResult.NoResult();
        // A client whose requests are already refused (a flood of made-up keys) costs no more database lookups.
        var key = await keys.FindActiveAsync(presented.ToString(), Context.RequestAborted, cachedOnly: IsSpent(Context));
        if (key is null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        return Success(
            new Claim(ClaimTypes.Role, key.Role == ApiKeyRole.Operator ? KeyClaims.Operator : KeyClaims.Vendor),
            new Claim(KeyClaims.Tenant, key.TenantId),
            new Claim(KeyClaims.Party, key.PartyId),
            new Claim(KeyClaims.KeyId, key.Id));
    }

    /// <summary>Whether this request's rate-limit bucket is empty: it will get 429, so a key id no cache knows is not looked up for it.</summary>
    private static bool IsSpent(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter?.GetStatistics(http) is { CurrentAvailablePermits: <= 0 };

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var header = WantsAdminKey() ? AdminHeader : Header;
        var detail = $"Send a valid, unrevoked key in the {header} header.";
        return ProblemResponse.WriteAsync(Context, ProblemKind.Unauthenticated, detail, new Dictionary<string, string[]> { [header] = [detail] });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        const string detail = "This key's role may not call this endpoint.";
        var header = Request.Headers.ContainsKey(AdminHeader) ? AdminHeader : Header;
        return ProblemResponse.WriteAsync(Context, ProblemKind.Forbidden, detail, new Dictionary<string, string[]> { [header] = [detail] });
    }

    private bool WantsAdminKey() => Request.Headers.ContainsKey(AdminHeader)
        || Context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>()?.AllowedRoles?.Contains(KeyClaims.Admin) == true;

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
