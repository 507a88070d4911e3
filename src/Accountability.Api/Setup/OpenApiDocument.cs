using Accountability.Api.Auth;
using Accountability.Api.Features.Dashboard;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Accountability.Api.Setup;

public static class OpenApiDocument
{
    public const string AdminScheme = "AdminKey";

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
        options.AddSecurityDefinition(AdminScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.AdminHeader,
            Description = "The deployment's admin key (Accountability__AdminKey): only creates tenants.",
        });
        options.AddSecurityDefinition(DashboardAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = DashboardCookie.Name,
            Description = "The dashboard's session cookie, set by signing in with an operator key at /dashboard/sign-in.",
        });
        options.SupportNonNullableReferenceTypes();
        options.NonNullableReferenceTypesAsRequired();
        options.OperationFilter<FastEndpointsOperationFilter>();
        options.DocumentFilter<SortedPathsFilter>();
        // Feature types are named by their folder (Complaints.HandOff.Request); shared types by their own name.
        options.CustomSchemaIds(t => t.FullName!.StartsWith("Accountability.Api.Features.", StringComparison.Ordinal)
            ? t.FullName["Accountability.Api.Features.".Length..].Replace('+', '.')
            : t.Name);
    }
}
