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
        options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, Key(ParameterLocation.Header, ApiKeyAuthenticationHandler.Header,
            "An operator or vendor key: acc_<id>_<secret>."));
        options.AddSecurityDefinition(AdminScheme, Key(ParameterLocation.Header, ApiKeyAuthenticationHandler.AdminHeader,
            "The deployment's admin key (Accountability__AdminKey): only creates tenants."));
        options.AddSecurityDefinition(DashboardAuthenticationHandler.SchemeName, Key(ParameterLocation.Cookie, DashboardCookie.Name,
            "The dashboard's session cookie, set by signing in with an operator key at /dashboard/sign-in."));
        options.SupportNonNullableReferenceTypes();
        options.NonNullableReferenceTypesAsRequired();
        options.OperationFilter<FastEndpointsOperationFilter>();
        options.OperationFilter<OperationDescriptions>();
        options.SchemaFilter<ValidatorRequiredFilter>();
        options.CustomOperationIds(OperationDescriptions.OperationId);
        options.IncludeXmlComments(typeof(OpenApiDocument).Assembly);
        options.IncludeXmlComments(typeof(Domain.Complaints.Complaint).Assembly);
        options.DocumentFilter<SortedPathsFilter>();
        options.CustomSchemaIds(SchemaId);
    }

    private static OpenApiSecurityScheme Key(ParameterLocation where, string name, string description) =>
        new() { Type = SecuritySchemeType.ApiKey, In = where, Name = name, Description = description };

    /// <summary>
    /// A type's name, or for a feature's Request and Response its folder's too (ComplaintsHandOffRequest): names without
    /// dots, unique (Swashbuckle refuses two types of one id), so a generated client's classes keep their names as
    /// others are added.
    /// </summary>
    public static string SchemaId(Type type)
    {
        const string features = "Accountability.Api.Features.";
        if (!type.FullName!.StartsWith(features, StringComparison.Ordinal))
            return type.Name;
        var path = type.FullName[features.Length..].Split('.', '+');
        return path[^1] is "Request" or "Response" ? string.Concat(path) : path[^1];
    }
}
