using Accountability.Api.Auth;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Accountability.Api.Setup;

public static class OpenApiDocument
{
    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "Accountability API",
            Version = "v1",
            Description = "Multi-party incident accountability for marketplaces: complaints, handoffs and who is accountable.",
        });
        options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.Header,
            Description = "An operator or vendor key: acc_<id>_<secret>.",
        });
        options.CustomSchemaIds(t => t.FullName!.Replace("Accountability.Api.Features.", "").Replace("+", "."));
    }
}
