using System.Text.Json;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Scorecards;

/// <summary>Compares two answers figure by figure, naming the first that differs; times agree to the millisecond (PostgreSQL keeps microseconds).</summary>
public static class Figures
{
    public static void ShouldMatch(object actual, object expected, string what)
    {
        var a = JsonSerializer.SerializeToElement(actual, ApiClient.Json);
        var e = JsonSerializer.SerializeToElement(expected, ApiClient.Json);
        Compare(a, e, what);
    }

    private static void Compare(JsonElement actual, JsonElement expected, string path)
    {
        Assert.That(actual.ValueKind, Is.EqualTo(expected.ValueKind), $"{path}: {actual} against {expected}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).ToList();
                Assert.That(actual.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(names), path);
                foreach (var name in names)
                    Compare(actual.GetProperty(name), expected.GetProperty(name), $"{path}.{name}");
                break;
            case JsonValueKind.Array:
                Assert.That(actual.GetArrayLength(), Is.EqualTo(expected.GetArrayLength()), $"{path}: {actual} against {expected}");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                    Compare(actual[i], expected[i], $"{path}[{i}]");
                break;
            case JsonValueKind.Number:
                Assert.That(actual.GetDouble(), Is.EqualTo(expected.GetDouble()).Within(1e-3), path);
                break;
            default:
                Assert.That(actual.ToString(), Is.EqualTo(expected.ToString()), path);
                break;
        }
    }
}
