using System.Text.Json;
using System.Text.RegularExpressions;
using Accountability.Domain.Text;
using FluentValidation.Results;

namespace Accountability.Api.Http;

/// <summary>Shapes FastEndpoints' binding and validation failures as problem+json, naming each field.</summary>
public static partial class ValidationProblems
{
    /// <summary>The key of a failure of the body as a whole: it does not parse, or it is no object.</summary>
    public const string Body = "body";

    public static object Build(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => Readable(f.ErrorMessage, g.Key)).Distinct().ToArray());
        var malformed = errors.ContainsKey(Body);
        var kind = malformed ? ProblemKind.MalformedRequest : ProblemKind.Validation;
        var detail = malformed ? "The body is not valid JSON, or not a JSON object." : "One or more fields are invalid.";
        return ProblemResponse.For(http, kind with { Status = status }, detail, errors);
    }

    /// <summary>
    /// A body that does not parse (the reader's error) is a malformed request, located by line and position; a value
    /// that does not fit its field is a failure of that field, named by its JSON path.
    /// </summary>
    public static ValidationFailure FromJson(JsonException ex)
    {
        var at = $"line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}";
        if (ex.InnerException is JsonException)
            return new(Body, $"The body is not valid JSON: it breaks off or has a syntax error at {at}.");
        if (ex.Path is null or "$" || ex.Path.StartsWith("$[", StringComparison.Ordinal))
            return new(Body, $"The body must be one JSON object of this request's fields (at {at}).");
        return new(ex.Path[2..], ex.InnerException?.Message ?? ex.Message);
    }

    /// <summary>A property path as the JSON names it: Mapping.CaseId is mapping.caseId.</summary>
    public static string FieldName(string property) => string.Join('.', property.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>Serializer messages name .NET types; say what is wrong in the API's own words.</summary>
    private static string Readable(string message, string field) => message switch
    {
        _ when message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => $"'{field}' is not a field of this request.",
        _ when message.Contains("missing required properties including: ", StringComparison.Ordinal)
            => $"'{field}' must give each of its values; missing: {message[(message.IndexOf("including: ", StringComparison.Ordinal) + 11)..].TrimEnd('.')}.",
        _ when message == StorableText.Rule || message.Contains("UTF-16", StringComparison.Ordinal) => $"'{field}' {StorableText.Rule}.",
        _ when message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            || message.StartsWith("Cannot get the value of a token type", StringComparison.Ordinal)
            => $"'{field}' has a value of the wrong type, or one that is not allowed.",
        _ => TypeName().Replace(message, "the request"),
    };

    [GeneratedRegex(@"Accountability\.[A-Za-z.]+")]
    private static partial Regex TypeName();
}
