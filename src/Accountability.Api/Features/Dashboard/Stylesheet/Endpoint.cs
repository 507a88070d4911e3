using FastEndpoints;

namespace Accountability.Api.Features.Dashboard.Stylesheet;

/// <summary>The dashboard's stylesheet, served by the service itself: the pages load nothing from anywhere else.</summary>
public sealed class Endpoint : EndpointWithoutRequest
{
    private static readonly byte[] Css = Read();

    public override void Configure()
    {
        Get("assets/dashboard.css");
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
        using var stream = typeof(Endpoint).Assembly.GetManifestResourceStream("dashboard.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
