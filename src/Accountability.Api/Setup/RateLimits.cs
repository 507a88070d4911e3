using System.Globalization;
using System.Threading.RateLimiting;
using Accountability.Api.Auth;
using Accountability.Api.Features.Dashboard;
using Accountability.Api.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Setup;

/// <summary>
/// Per API key for the API; per client address for the public status pages, dashboard sign-ins and every request without a
/// valid key (against guessing keys): a token bucket each, so short bursts pass and a flood gets 429 with Retry-After. A
/// limit of 0 turns that bucket off. The client's address is the proxy's word only for known proxies (ClientAddresses).
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Partition(http, http.RequestServices.GetRequiredService<IOptions<AccountabilityOptions>>().Value));
            limiter.OnRejected = async (context, ct) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (DashboardResponses.IsForPeople(context.HttpContext.Request))
                    await Features.Pages.PageResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, DashboardHtml.TooManyAttempts());
                else
                    await ProblemResponse.WriteAsync(context.HttpContext, ProblemKind.RateLimited, "Too many requests; retry after the time in Retry-After.");
            };
        });

    private static RateLimitPartition<string> Partition(HttpContext http, AccountabilityOptions settings)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/dashboard/sign-in") && HttpMethods.IsPost(http.Request.Method) && settings.DashboardSignInsPerMinutePerAddress > 0)
        {
            var perMinute = settings.DashboardSignInsPerMinutePerAddress;
            return RateLimitPartition.GetTokenBucketLimiter($"sign-in:{http.Connection.RemoteIpAddress}", _ => Bucket(perMinute, TimeSpan.FromMinutes(1)));
        }
        if (path.StartsWithSegments("/status") && settings.StatusPageRequestsPerMinutePerAddress > 0)
        {
            var perMinute = settings.StatusPageRequestsPerMinutePerAddress;
            return RateLimitPartition.GetTokenBucketLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => Bucket(perMinute, TimeSpan.FromMinutes(1)));
        }
        if (http.User.KeyIdOf() is { Length: > 0 } key)
        {
            return settings.RequestsPerSecondPerKey > 0
                ? RateLimitPartition.GetTokenBucketLimiter($"key:{key}", _ => Bucket(settings.RequestsPerSecondPerKey, TimeSpan.FromSeconds(1)))
                : RateLimitPartition.GetNoLimiter("unlimited");
        }
        // The platform's probes must always get an answer.
        if (path.StartsWithSegments("/health") || settings.UnauthenticatedRequestsPerMinutePerAddress == 0)
            return RateLimitPartition.GetNoLimiter("unlimited");
        var unkeyed = settings.UnauthenticatedRequestsPerMinutePerAddress;
        return RateLimitPartition.GetTokenBucketLimiter($"unkeyed:{http.Connection.RemoteIpAddress}", _ => Bucket(unkeyed, TimeSpan.FromMinutes(1)));
    }

    /// <summary>Refills the rate each period and holds up to one period's worth, so a burst can spend a whole period at once.</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perPeriod, TimeSpan period) => new()
    {
        TokenLimit = perPeriod,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
