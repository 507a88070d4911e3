using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Accountability.Api.Setup;

/// <summary>Orders paths by name so the served document, and the copy committed under openapi/, are stable.</summary>
public sealed class SortedPathsFilter : IDocumentFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiDocument document, DocumentFilterContext context)
    {
        var sorted = new OpenApiPaths();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
            sorted.Add(path, item);
        document.Paths = sorted;
    }
}
