using System.Text.Json;
using FluentValidation.Results;

namespace Accountability.Api.Problems;

/// <summary>Shapes FastEndpoints' binding and validation failures as problem+json, naming each field.</summary>
public static class ValidationProblems
{
    public static object Build(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .GroupBy(f => JsonNamingPolicy.CamelCase.ConvertName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var malformed = failures.Any(f => f.PropertyName == "SerializerErrors");
        var kind = malformed ? ProblemKind.MalformedRequest : ProblemKind.Validation;
        var detail = malformed ? "The body is not valid JSON of the expected shape." : "One or more fields are invalid.";
        return ProblemResponse.For(http, kind with { Status = status }, detail, errors);
    }
}
