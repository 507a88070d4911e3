using System.Text.Json;
using Accountability.Api.Features.Imports;

namespace Accountability.Api.Cli;

/// <summary>An import's mapping file, read and checked whole before any row is read (by <c>import</c> and <c>demo</c>).</summary>
public static class MappingFile
{
    /// <summary>The mapping, or null and what is wrong with it.</summary>
    public static async Task<(ImportMapping? Mapping, string? Problem)> ReadAsync(string path)
    {
        ImportMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ImportMapping>(await File.ReadAllTextAsync(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, $"Cannot read the mapping {path}: {ex.Message}");
        }
        if (mapping is null)
            return (null, $"Cannot read the mapping {path}: it is not a JSON object.");
        if (mapping.Problems() is { Count: > 0 } invalid)
            return (null, $"Cannot use the mapping {path}:\n  {string.Join("\n  ", invalid.Values)}\nNothing was imported.");
        return (mapping, null);
    }
}
