namespace Accountability.Api.Features.Dashboard.ComplaintActions;

/// <summary>A posted action form's fields, read as the API's request carries them: text trimmed, empty optional text as none, a choice by its name.</summary>
public sealed class ActionForm(IFormCollection form)
{
    private readonly List<(string Field, string Message)> problems = [];

    /// <summary>Fields whose value no request could carry (a choice that is not one of its names), in the API's words for them.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems => problems;

    public string Text(string field) => form[field].ToString().Trim();

    public string? Optional(string field) => Text(field) is { Length: > 0 } text ? text : null;

    public T? Choice<T>(string field) where T : struct, Enum
    {
        if (Optional(field) is not { } name)
            return null;
        if (Enum.GetNames<T>().Contains(name, StringComparer.Ordinal))
            return Enum.Parse<T>(name);
        problems.Add((field, $"'{field}' has a value of the wrong type, or one that is not allowed."));
        return null;
    }
}
