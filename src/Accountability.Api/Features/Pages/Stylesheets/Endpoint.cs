using System.Collections.Frozen;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.Pages.Stylesheets;

/// <summary>The pages' stylesheets (status page, dashboard), served by the service itself: the pages load nothing from anywhere else.</summary>
public sealed class Endpoint : EndpointWithoutRequest
{
    private static readonly FrozenDictionary<string, byte[]> Sheets = new[] { "status.css", "dashboard.css" }.ToFrozenDictionary(name => name, Read);

    public override void Configure()
    {
        Get("assets/{name}");
        RoutePrefixOverride("");
        AllowAnonymous();
        Description(d => d.ExcludeFromDescription());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!Sheets.TryGetValue(Route<string>("name", isRequired: false) ?? "", out var css))
            throw new ProblemException(ProblemKind.NotFound, "There is no such stylesheet.");
        HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        HttpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
        await Send.BytesAsync(css, contentType: "text/css; charset=utf-8", cancellation: ct);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(Endpoint).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
