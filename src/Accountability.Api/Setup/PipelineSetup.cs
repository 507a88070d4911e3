using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Accountability.Api.Features.Policies;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Health;
using Accountability.Api.Persistence;
using Accountability.Api.Http;
using Accountability.Api.Telemetry;
using FastEndpoints;

namespace Accountability.Api.Setup;

public static class PipelineSetup
{
    public static WebApplication UseAccountability(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationId>();
        app.UseMiddleware<RequestLog>();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseRequestLocalization(o => o.AddSupportedUICultures(StatusText.Languages).SetDefaultCulture(StatusText.Languages[0]));
        app.UseAuthentication();
        // Before authorization, which answers 401 itself: requests without a valid key are limited too.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<ParameterGuard>();
        app.MapHealth();
        app.UseFastEndpoints(c =>
        {
            c.Endpoints.RoutePrefix = "api";
            c.Serializer.Options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            c.Serializer.Options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            c.Serializer.Options.AllowDuplicateProperties = false;
            c.Serializer.Options.Converters.Add(new StorableTextConverter());
            c.Serializer.Options.TypeInfoResolver = (c.Serializer.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(PolicySettingsBinding.RequireEveryValue);
            c.Binding.JsonExceptionTransformer = ValidationProblems.FromJson;
            c.Errors.ContentType = ProblemResponse.ContentType;
            c.Errors.ResponseBuilder = ValidationProblems.Build;
        });
        app.UseApiExplorer();
        return app;
    }
}
