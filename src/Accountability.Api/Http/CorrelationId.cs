using System.Text.RegularExpressions;

namespace Accountability.Api.Http;

/// <summary>
/// Takes the caller's X-Correlation-Id when it is sane, or makes one; echoes it, stamps it on every event written and
/// puts it on every log line written while serving the request.
/// </summary>
public sealed partial class CorrelationId(RequestDelegate next, ILogger<CorrelationId> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext http)
    {
        var given = http.Request.Headers[Header].ToString();
        var id = Sane().IsMatch(given) ? given : Guid.NewGuid().ToString("N");
        http.Items[Header] = id;
        http.Response.Headers[Header] = id;
        using var scope = logger.BeginScope("CorrelationId:{CorrelationId}", id);
        await next(http);
    }

    public static string? Of(HttpContext? http) => http?.Items[Header] as string;

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex Sane();
}
