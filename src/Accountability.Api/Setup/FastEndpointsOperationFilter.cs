using System.Reflection;
using System.Text.RegularExpressions;
using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Features.Dashboard;
using Accountability.Api.Http;
using FastEndpoints;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Accountability.Api.Setup;

/// <summary>
/// Tells Swashbuckle what FastEndpoints does not put in ApiExplorer: route and query parameters,
/// the headers that steer writes, and which key each operation needs.
/// </summary>
public sealed partial class FastEndpointsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = context.ApiDescription.RelativePath ?? "";
        var method = context.ApiDescription.HttpMethod ?? "";
        operation.Parameters ??= [];

        foreach (Match route in RouteParameter().Matches(path))
            operation.Parameters.Add(Parameter(route.Groups["name"].Value, ParameterLocation.Path, required: true,
                new OpenApiSchema { Type = JsonSchemaType.String, Format = route.Groups["constraint"].Value == "guid" ? "uuid" : null }));

        if (method == "GET" && context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)?.Type is { } query)
        {
            operation.RequestBody = null;
            var required = ValidatorRequiredFields.Of(query) ?? new HashSet<string>();
            // The query's own schema carries each property's description (its XML comment).
            context.SchemaGenerator.GenerateSchema(query, context.SchemaRepository);
            var described = context.SchemaRepository.Schemas.GetValueOrDefault(OpenApiDocument.SchemaId(query))?.Properties;
            foreach (var property in query.GetProperties().Where(p => p.GetCustomAttribute<QueryParamAttribute>() is not null))
            {
                var name = ValidationProblems.FieldName(property.Name);
                operation.Parameters.Add(Parameter(name, ParameterLocation.Query, required.Contains(name),
                    context.SchemaGenerator.GenerateSchema(property.PropertyType, context.SchemaRepository),
                    described is not null && described.TryGetValue(name, out var schema) ? schema.Description : null));
            }
        }

        var dashboard = path.StartsWith("dashboard", StringComparison.Ordinal);
        // Only commands read the header: not the pages' forms, the import (idempotent by case), a what-if (it writes
        // nothing), a re-judging (a second run writes nothing) or a retry of a set-aside event (once processed, it is gone).
        if (method == "POST" && !dashboard && !path.StartsWith("status/", StringComparison.Ordinal)
            && !path.StartsWith("api/set-aside-events/", StringComparison.Ordinal) && path is not ("api/imports" or "api/policy/what-if" or "api/policy/rejudge"))
            operation.Parameters.Add(Header(RequestHeaders.IdempotencyKey, "Retrying with the same key returns the first response and writes nothing new."));
        if ((method == "POST" && (path.StartsWith("api/complaints/{id", StringComparison.Ordinal) || path.StartsWith("api/problems/{id", StringComparison.Ordinal)))
            || (method == "PUT" && path == "api/policy"))
            operation.Parameters.Add(Header("If-Match", "The ETag as last read: the write fails with 412 if the resource has changed since."));
        if (method == "GET" && !dashboard && PathEndsWithId().IsMatch(path))
            operation.Parameters.Add(Header("If-None-Match", "The ETag last read: answers 304 while it is still current."));

        // Every API operation refuses a query parameter it does not take, or one the store cannot hold (ParameterGuard).
        if (path.StartsWith("api/", StringComparison.Ordinal) && operation.Responses is { } responses && !responses.ContainsKey("400"))
            responses["400"] = new OpenApiResponse
            {
                Description = "Bad Request",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [ProblemResponse.ContentType] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemResponse), context.SchemaRepository) },
                },
            };

        var admin = path.StartsWith("api/admin/", StringComparison.Ordinal);
        var scheme = new OpenApiSecuritySchemeReference(
            admin ? OpenApiDocument.AdminScheme : dashboard ? DashboardAuthenticationHandler.SchemeName : ApiKeyAuthenticationHandler.SchemeName, context.Document);
        operation.Security = [new OpenApiSecurityRequirement { [scheme] = [] }];
    }

    private static OpenApiParameter Header(string name, string description) =>
        Parameter(name, ParameterLocation.Header, required: false, new OpenApiSchema { Type = JsonSchemaType.String }, description);

    private static OpenApiParameter Parameter(string name, ParameterLocation location, bool required, IOpenApiSchema schema, string? description = null) =>
        new() { Name = name, In = location, Required = required, Schema = schema, Description = description };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{id(:[a-z]+)?\}$")]
    private static partial Regex PathEndsWithId();
}
