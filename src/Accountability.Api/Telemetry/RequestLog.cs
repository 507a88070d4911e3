using System.Diagnostics;

namespace Accountability.Api.Telemetry;

/// <summary>
/// One log line per request (method, path, status, time), inside the request's correlation scope. Never headers, bodies
/// or query strings, which may carry keys or personal data. Health probes are not logged.
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
                Answered(logger, http.Request.Method, http.Request.Path, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
