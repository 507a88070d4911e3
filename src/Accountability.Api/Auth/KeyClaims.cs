using System.Security.Claims;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Auth;

/// <summary>The roles endpoints ask for, and the claims an authenticated key carries.</summary>
public static class KeyClaims
{
    public const string Operator = "operator";
    public const string Vendor = "vendor";
    public const string Admin = "admin";

    public const string Tenant = "tenant";
    public const string Party = "party";
    public const string KeyId = "key_id";

    public static string TenantId(this ClaimsPrincipal user) => user.FindFirstValue(Tenant) ?? "";

    public static string PartyId(this ClaimsPrincipal user) => user.FindFirstValue(Party) ?? "";

    public static string KeyIdOf(this ClaimsPrincipal user) => user.FindFirstValue(KeyId) ?? "";

    public static bool IsOperator(this ClaimsPrincipal user) => user.IsInRole(Operator);

    /// <summary>The actor a key stands for: its role decides the kind, so no party id can make a key act as the customer.</summary>
    public static Actor Actor(this ClaimsPrincipal user) =>
        user.IsOperator() ? Domain.Decisions.Actor.Operator(user.PartyId()) : Domain.Decisions.Actor.Vendor(user.PartyId());
}
