using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using Accountability.Domain.Text;
using FastEndpoints;

namespace Accountability.Api.Http;

/// <summary>
/// Refuses, on /api routes, a query parameter the endpoint's request does not bind from the query (as an unknown body
/// field is refused), a query or route value the store cannot hold, and a choice given other than by name (an enum's
/// number would otherwise bind). Pages are left alone: links to them carry parameters such as utm_source.
/// </summary>
public sealed class ParameterGuard(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<string, string[]?>> QueryNames = new();

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
            if (!allowed.TryGetValue(name, out var choices))
                errors[name] = [$"'{name}' is not a parameter of this request."];
            else if (values.Any(v => v is not null && !StorableText.IsStorable(v)))
                errors[name] = [$"'{name}' {StorableText.Rule}."];
            else if (choices is not null && values.Any(v => !choices.Contains(v, StringComparer.OrdinalIgnoreCase)))
                errors[name] = [$"'{name}' is one of {string.Join(", ", choices)}, by name."];
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

    /// <summary>
    /// The names FastEndpoints binds from the query (properties marked [QueryParam], under their [BindFrom] name if any),
    /// each with the names of its choices when it is an enum.
    /// </summary>
    private static FrozenDictionary<string, string[]?> BoundFromQuery(Type request) => request.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<QueryParamAttribute>() is not null)
        .ToFrozenDictionary(
            p => p.GetCustomAttribute<BindFromAttribute>()?.Name ?? p.Name,
            p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is { IsEnum: true } choice ? Enum.GetNames(choice) : null,
            StringComparer.OrdinalIgnoreCase);
}
