using FastEndpoints;

namespace Accountability.Api.Features.StatusPage.Stylesheet;

/// <summary>The status page's stylesheet, served by the service itself: the page loads nothing from anywhere else.</summary>
public sealed class Endpoint : EndpointWithoutRequest
{
    private static readonly byte[] Css = Read();

    public override void Configure()
    {
        Get("assets/status.css");
        RoutePrefixOverride("");
        AllowAnonymous();
        Description(d => d.ExcludeFromDescription());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        HttpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
        await Send.BytesAsync(Css, contentType: "text/css; charset=utf-8", cancellation: ct);
    }

    private static byte[] Read()
    {
        using var stream = typeof(Endpoint).Assembly.GetManifestResourceStream("status.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
