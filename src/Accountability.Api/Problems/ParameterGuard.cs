using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using Accountability.Domain.Text;
using FastEndpoints;

namespace Accountability.Api.Problems;

/// <summary>
/// Refuses, on /api routes, a query parameter the endpoint's request does not bind from the query (as an unknown body
/// field is refused), and a query or route value the store cannot hold. Pages are left alone: links to them carry
/// parameters such as utm_source.
/// </summary>
public sealed class ParameterGuard(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, FrozenSet<string>> QueryNames = new();

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is not { } endpoint)
        {
            await next(http);
            return;
        }
        var allowed = QueryNames.GetOrAdd(endpoint.ReqDtoType, BoundFromQuery);
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, values) in http.Request.Query)
        {
            if (!allowed.Contains(name))
                errors[name] = [$"'{name}' is not a parameter of this request."];
            else if (values.Any(v => v is not null && !StorableText.IsStorable(v)))
                errors[name] = [$"'{name}' {StorableText.Rule}."];
        }
        foreach (var (name, value) in http.Request.RouteValues)
        {
            if (value is string text && !StorableText.IsStorable(text))
                errors[name] = [$"'{name}' {StorableText.Rule}."];
        }
        if (errors.Count > 0)
            await ProblemResponse.WriteAsync(http, ProblemKind.Validation, "One or more parameters are invalid.", errors);
        else
            await next(http);
    }

    /// <summary>The names FastEndpoints binds from the query: properties marked [QueryParam], under their [BindFrom] name if any.</summary>
    private static FrozenSet<string> BoundFromQuery(Type request) => request.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<QueryParamAttribute>() is not null)
        .Select(p => p.GetCustomAttribute<BindFromAttribute>()?.Name ?? p.Name)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
