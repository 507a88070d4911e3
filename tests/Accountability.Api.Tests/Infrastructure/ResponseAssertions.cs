using System.Net.Http.Json;
using System.Text.Json;

namespace Accountability.Api.Tests.Infrastructure;

public static class ResponseAssertions
{
    public static async Task<T> ShouldBeAsync<T>(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
        return JsonSerializer.Deserialize<T>(body, ApiClient.Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem of the given status and kind, and returns it.</summary>
    public static async Task<Problem> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string kind)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!;
        Assert.That(problem.Type, Is.EqualTo($"urn:accountability:problem:{kind}"), body);
        Assert.That(problem.Status, Is.EqualTo(status));
        return problem;
    }

    public sealed record Problem(string Type, string Title, int Status, string? Detail, Dictionary<string, string[]>? Errors);
}
