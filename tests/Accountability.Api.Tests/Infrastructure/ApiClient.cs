using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>A real HTTP client on loopback, speaking for one key, to the shared service or to <paramref name="http"/>'s.</summary>
public sealed class ApiClient(string? header, string? key, HttpClient? http = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly HttpClient Http = new() { BaseAddress = ServiceUnderTest.BaseAddress };

    public static ApiClient Anonymous => new(null, null);

    /// <summary>The key this client sends, for tests that make requests of their own with it.</summary>
    public string? Key => key;

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestHeaders>? headers = null) =>
        SendAsync(HttpMethod.Get, path, null, headers);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, Action<HttpRequestHeaders>? headers = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, body.GetType(), options: Json), headers);

    public Task<HttpResponseMessage> PutAsync(string path, object body, Action<HttpRequestHeaders>? headers = null) =>
        SendAsync(HttpMethod.Put, path, JsonContent.Create(body, body.GetType(), options: Json), headers);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json", Action<HttpRequestHeaders>? headers = null) =>
        SendAsync(HttpMethod.Post, path, new StringContent(body, MediaTypeHeaderValue.Parse(contentType)), headers);

    public Task<HttpResponseMessage> PostContentAsync(string path, HttpContent content, Action<HttpRequestHeaders>? headers = null) =>
        SendAsync(HttpMethod.Post, path, content, headers);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null, null);

    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await GetAsync(path);
        return await response.ShouldBeAsync<T>(200);
    }

    public async Task<T> PostJsonAsync<T>(string path, object? body, int expectedStatus = 200, Action<HttpRequestHeaders>? headers = null)
    {
        using var response = await PostAsync(path, body, headers);
        return await response.ShouldBeAsync<T>(expectedStatus);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, Action<HttpRequestHeaders>? headers)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (header is not null)
            request.Headers.Add(header, key);
        headers?.Invoke(request.Headers);
        return await (http ?? Http).SendAsync(request);
    }
}
