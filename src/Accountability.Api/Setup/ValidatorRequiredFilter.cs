using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Accountability.Api.Setup;

/// <summary>Marks a request's fields required exactly when its validator requires them (<see cref="ValidatorRequiredFields"/>).</summary>
public sealed class ValidatorRequiredFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } concrete || ValidatorRequiredFields.Of(context.Type) is not { } required)
            return;
        concrete.Required = new SortedSet<string>(required.Where(properties.ContainsKey), StringComparer.Ordinal);
    }
}
