using System.Diagnostics;

namespace Accountability.Api.Telemetry;

/// <summary>
/// One log line per request (method, route, status, time), inside the request's correlation scope. The route is the
/// endpoint's template, never the path itself, which may carry an id or a customer's tracking token; nor headers,
/// bodies or query strings. Health probes are not logged.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            if (!http.Request.Path.StartsWithSegments("/health"))
                Answered(logger, http.Request.Method, Route(http), http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The template of the route the request matched, safe to log where the path is not.</summary>
    public static string Route(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? "/" + template.TrimStart('/') : "(no route)";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
