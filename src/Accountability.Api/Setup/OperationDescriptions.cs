using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Accountability.Api.Setup;

/// <summary>
/// Carries what each endpoint says of itself in FastEndpoints' Summary (summary, description, example request) into the
/// Swashbuckle document, and lists under each error status the problem <c>type</c>s it can carry (docs/errors.md).
/// </summary>
public sealed class OperationDescriptions(IOptions<JsonOptions> json) : IOperationFilter
{
    /// <summary>The service's JSON, without the fields an example leaves out.</summary>
    private readonly JsonSerializerOptions exampleJson = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private const string FeaturesNamespace = "Accountability.Api.Features.";

    /// <summary>The domain's refusals that only recurring problems give; every other refusal is about a complaint.</summary>
    private static readonly RefusalCode[] ProblemRefusals =
        [RefusalCode.ProblemResolved, RefusalCode.AlreadyLinked, RefusalCode.NotLinked, RefusalCode.NoOwner, RefusalCode.RootCauseMissing];

    private static readonly ProblemKind[] Generic = typeof(ProblemKind).GetFields()
        .Where(f => f.IsStatic && f.FieldType == typeof(ProblemKind)).Select(f => (ProblemKind)f.GetValue(null)!).ToArray();

    /// <summary>
    /// An operation's id: its area and action, "Complaints_HandOff" (a second endpoint of a folder by its class name:
    /// "Dashboard_SignInForm"), which a generated client turns into ComplaintsClient.HandOffAsync.
    /// </summary>
    public static string OperationId(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription api)
    {
        var type = Definition(api)?.EndpointType;
        if (type?.Namespace is not { } ns || !ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
            return api.ActionDescriptor.DisplayName ?? api.RelativePath ?? "";
        var folders = ns[FeaturesNamespace.Length..].Split('.');
        var action = type.Name == "Endpoint" ? folders[^1] : folders[^1] + type.Name.Replace("Endpoint", "", StringComparison.Ordinal);
        return string.Concat(folders[..^1]) + "_" + action;
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = context.ApiDescription.RelativePath ?? "";
        if (Definition(context.ApiDescription)?.EndpointSummary is { } summary)
        {
            operation.Summary = NullIfEmpty(summary.Summary);
            operation.Description = NullIfEmpty(summary.Description);
            if (summary.ExampleRequest is { } example && operation.RequestBody?.Content is { } content)
                foreach (var media in content.Values.OfType<OpenApiMediaType>())
                    media.Example = JsonSerializer.SerializeToNode(example, example.GetType(), exampleJson);
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            var kinds = ProblemKinds(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), path, context.ApiDescription.HttpMethod ?? "");
            if (kinds.Count > 0 && response is OpenApiResponse concrete)
                concrete.Description = $"{concrete.Description}. Problem types: " + string.Join(", ", kinds.Select(k => $"`{k.Type}` ({k.Title})"));
        }
    }

    private static List<ProblemKind> ProblemKinds(int status, string path, string method)
    {
        var kinds = Generic.Where(k => k.Status == status).ToList();
        var write = method is "POST" or "PUT" or "DELETE";
        var onProblem = path.StartsWith("api/problems", StringComparison.Ordinal);
        var onComplaint = path.StartsWith("api/complaints/{id", StringComparison.Ordinal);
        if (write && (onProblem || onComplaint))
            kinds.AddRange(Enum.GetValues<RefusalCode>()
                .Where(code => onProblem == ProblemRefusals.Contains(code) || code == RefusalCode.UnknownParty)
                .Select(ProblemKind.For).Where(k => k.Status == status && kinds.All(o => o.Slug != k.Slug)));
        var versioned = write && (onProblem || onComplaint || path == "api/policy");
        var creates = method == "POST" && !path.Contains('{', StringComparison.Ordinal);
        kinds.RemoveAll(k => (k.Slug is "malformed-request" or "idempotency-key-in-progress" or "idempotency-key-reused" && !write)
            || (k == ProblemKind.ConcurrentUpdate && !versioned) || (k == ProblemKind.AlreadyExists && !creates));
        return kinds;
    }

    private static EndpointDefinition? Definition(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription api) =>
        api.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().FirstOrDefault();

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
