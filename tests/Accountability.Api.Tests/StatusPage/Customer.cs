using System.Net;
using System.Text.RegularExpressions;

namespace Accountability.Api.Tests.StatusPage;

/// <summary>The customer with their tracking link, as a browser without JavaScript would be: reads the page, sends its forms.</summary>
/// <param name="node">Another node than the shared one, such as a node on a schema of its own.</param>
public sealed partial class Customer(string trackingLink, Uri? node = null)
{
    private static readonly HttpClient Shared = Browser(ServiceUnderTest.BaseAddress);

    private readonly HttpClient http = node is null ? Shared : Browser(node);

    public string Link { get; } = trackingLink;

    public string Path => new Uri(Link).AbsolutePath;

    public async Task<HttpResponseMessage> OpenAsync(string accept = "text/html", string suffix = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path + suffix);
        request.Headers.Accept.ParseAdd(accept);
        return await http.SendAsync(request);
    }

    public async Task<string> ReadAsync()
    {
        using var response = await OpenAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Sends one of the page's forms as the browser would, with the sealed field the page gave it.</summary>
    public async Task<HttpResponseMessage> SendAsync(string action, Dictionary<string, string>? fields = null, string? seal = null,
        Action<HttpRequestMessage>? alter = null)
    {
        seal ??= SealOf(await ReadAsync());
        var values = new Dictionary<string, string>(fields ?? []) { ["form"] = seal };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Path}/{action}") { Content = new FormUrlEncodedContent(values) };
        request.Headers.Accept.ParseAdd("text/html");
        alter?.Invoke(request);
        return await http.SendAsync(request);
    }

    private static HttpClient Browser(Uri address) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };

    public static string SealOf(string html) => SealField().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new AssertionException("The page has no form to send.");

    [GeneratedRegex("name=\"form\" value=\"([^\"]+)\"")]
    private static partial Regex SealField();
}
