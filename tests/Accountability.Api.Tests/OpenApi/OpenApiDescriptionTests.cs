using System.Text.Json.Nodes;
using Accountability.Api.Setup;
using FastEndpoints;
using FluentValidation;
using FluentValidation.Validators;

namespace Accountability.Api.Tests.OpenApi;

/// <summary>The committed OpenAPI document describes every operation, and asks for exactly the fields the validators require.</summary>
[Category("api")]
public sealed class OpenApiDescriptionTests
{
    private static readonly JsonObject Document = JsonNode.Parse(
        File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "openapi", "accountability.v1.json")))!.AsObject();

    private static IEnumerable<(string Name, JsonObject Operation)> Operations() =>
        from path in Document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!.AsObject());

    [Test]
    public void Every_operation_has_a_summary_and_a_description()
    {
        var bare = Operations()
            .Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["summary"]) || string.IsNullOrWhiteSpace((string?)o.Operation["description"]))
            .Select(o => o.Name).ToList();
        Assert.That(bare, Is.Empty, "Operations without a summary or a description (FastEndpoints' Summary: OperationText)");
    }

    [Test]
    public void Every_operation_has_an_id_of_its_own()
    {
        var ids = Operations().Select(o => (string?)o.Operation["operationId"]).ToList();
        Assert.That(ids, Is.All.Not.Null);
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Every_JSON_request_body_has_an_example()
    {
        var without = Operations()
            .Where(o => o.Operation["requestBody"]?["content"]?["application/json"] is { } media && media["example"] is null)
            .Select(o => o.Name).ToList();
        Assert.That(without, Is.Empty, "JSON request bodies without an example (OperationText's example)");
    }

    [Test]
    public void Every_error_answer_lists_the_problem_types_it_carries()
    {
        var unlisted = (from o in Operations()
                        from response in o.Operation["responses"]!.AsObject()
                        where int.Parse(response.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400
                            && !((string?)response.Value!["description"] ?? "").Contains("urn:accountability:problem:", StringComparison.Ordinal)
                        select $"{o.Name} {response.Key}").ToList();
        Assert.That(unlisted, Is.Empty);
    }

    [Test]
    public void Every_field_of_a_request_body_is_described()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();
        var bodies = Operations()
            .Select(o => (string?)o.Operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"])
            .OfType<string>().Select(r => r.Split('/')[^1]).Distinct();
        var undescribed = (from body in bodies
                           from property in schemas[body]!["properties"]?.AsObject() ?? []
                           where property.Value!["description"] is null && !DescribedType(property.Value!, schemas)
                           select $"{body}.{property.Key}").ToList();
        Assert.That(undescribed, Is.Empty, "Request fields without a description (an XML comment on the request, or on the field's type)");
    }

    [Test]
    public void Every_field_of_every_schema_is_described()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();
        Assert.That(schemas, Has.Count.GreaterThan(50), "the document has its schemas");
        var undescribed = (from schema in schemas
                           from property in schema.Value!["properties"]?.AsObject() ?? []
                           where property.Value!["description"] is null && !DescribedType(property.Value!, schemas)
                           select $"{schema.Key}.{property.Key}").ToList();
        Assert.That(undescribed, Is.Empty, "Fields without a description (an XML comment on the record's parameter or property, or on the field's type)");
    }

    [Test]
    public void The_fields_the_validators_require_are_exactly_those_the_document_requires()
    {
        var validated = ValidatedRequests().ToList();
        Assert.That(validated, Has.Count.GreaterThan(20), "the reflection found the validators");
        var schemas = Document["components"]!["schemas"]!.AsObject();
        foreach (var (request, required) in validated)
        {
            var schema = schemas[OpenApiDocument.SchemaId(request)]?.AsObject();
            Assert.That(schema, Is.Not.Null, $"{request.FullName} has a validator but no schema in the document");
            var documented = schema!["required"]?.AsArray().Select(n => (string)n!).ToHashSet() ?? [];
            Assert.That(documented, Is.EquivalentTo(required), $"{OpenApiDocument.SchemaId(request)}: required in the document vs by the validator");

            var queryParameters = request.GetProperties().Where(p => p.GetCustomAttributes(typeof(QueryParamAttribute), true).Length > 0)
                .Select(p => JsonName(p.Name)).ToHashSet();
            if (queryParameters.Count == 0)
                continue;
            var operations = Operations().Where(o => Parameters(o.Operation, "query").Keys.ToHashSet().SetEquals(queryParameters)).ToList();
            Assert.That(operations, Is.Not.Empty, $"no operation takes the query of {request.FullName}");
            foreach (var (name, operation) in operations)
            {
                var requiredParameters = Parameters(operation, "query").Where(p => p.Value).Select(p => p.Key);
                Assert.That(requiredParameters, Is.EquivalentTo(required), $"{name}: required query parameters vs the validator");
            }
        }
    }

    [Test]
    public void What_the_server_requires_is_required_and_what_it_defaults_is_not()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();
        Assert.That(schemas["ComplaintsFileRequest"]!["required"]!.AsArray().Select(n => (string)n!), Does.Contain("channel"));
        Assert.That(schemas["ComplaintsHandOffRequest"]!["required"]!.AsArray().Select(n => (string)n!), Does.Contain("reason"));
        var list = Operations().Single(o => o.Name == "GET /api/complaints").Operation;
        Assert.That(Parameters(list, "query")["limit"], Is.False);
    }

    /// <summary>Each validated request and the fields its validator requires: a NotNull or NotEmpty rule with no condition.</summary>
    private static IEnumerable<(Type Request, HashSet<string> Required)> ValidatedRequests() =>
        from type in typeof(OpenApiDocument).Assembly.GetTypes()
        where type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(type)
        let request = type.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Validator<>) ? b.GetGenericArguments()[0] : null
        where request is not null
        let descriptor = ((IValidator)Activator.CreateInstance(type)!).CreateDescriptor()
        select (request, descriptor.Rules
            .Where(r => r.PropertyName is not null && !r.HasCondition && !r.HasAsyncCondition && !r.GetType().Name.StartsWith("CollectionPropertyRule", StringComparison.Ordinal))
            .Where(r => r.Components.Any(c => !c.HasCondition && !c.HasAsyncCondition && c.Validator is INotNullValidator or INotEmptyValidator))
            .Select(r => JsonName(r.PropertyName!)).ToHashSet());

    /// <summary>OpenAPI 3.0 has no description beside a $ref: such a field is described by its type's description.</summary>
    private static bool DescribedType(JsonNode property, JsonObject schemas) =>
        (string?)property["$ref"] is { } reference && schemas[reference.Split('/')[^1]]?["description"] is not null;

    private static Dictionary<string, bool> Parameters(JsonObject operation, string location) =>
        (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == location)
            .ToDictionary(p => (string)p!["name"]!, p => (bool?)p!["required"] ?? false);

    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
