using Microsoft.Extensions.Options;

namespace Accountability.Api.Setup;

/// <summary>
/// Swagger UI and the OpenAPI document it reads, at /swagger: a help while developing, a map for an attacker in
/// production, where partners read the document committed in openapi/ instead.
/// </summary>
public static class ApiExplorer
{
    public const string DocumentPath = "/swagger/v1/swagger.json";

    public static WebApplication UseApiExplorer(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<AccountabilityOptions>>().Value;
        if (settings.ServeApiExplorer ?? app.Environment.IsDevelopment())
        {
            app.UseSwagger();
            app.UseSwaggerUI(ui => ui.SwaggerEndpoint(DocumentPath, "Accountability API v1"));
        }
        return app;
    }
}
