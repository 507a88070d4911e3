using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;

namespace Accountability.Api.Problems;

/// <summary>Shapes FastEndpoints' binding and validation failures as problem+json, naming each field.</summary>
public static partial class ValidationProblems
{
    public static object Build(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => Readable(f.ErrorMessage, g.Key)).Distinct().ToArray());
        var malformed = failures.Any(f => f.PropertyName == "SerializerErrors");
        var kind = malformed ? ProblemKind.MalformedRequest : ProblemKind.Validation;
        var detail = malformed ? "The body is not valid JSON." : "One or more fields are invalid.";
        return ProblemResponse.For(http, kind with { Status = status }, detail, errors);
    }

    public static string FieldName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);

    /// <summary>Serializer messages name .NET types; say what is wrong in the API's own words.</summary>
    private static string Readable(string message, string field) => message switch
    {
        _ when message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => $"'{field}' is not a field of this request.",
        _ when message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            || message.StartsWith("Cannot get the value of a token type", StringComparison.Ordinal)
            => $"'{field}' has a value of the wrong type, or one that is not allowed.",
        _ => TypeName().Replace(message, "the request"),
    };

    [GeneratedRegex(@"Accountability\.[A-Za-z.]+")]
    private static partial Regex TypeName();
}
