using System.Net;
using System.Text.RegularExpressions;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>
/// A browser without JavaScript on the dashboard: keeps its cookies, follows no redirect by itself, sends the pages' forms
/// with the sealed field they carry.
/// </summary>
public sealed partial class DashboardVisitor : IDisposable
{
    private readonly HttpClient http;

    public DashboardVisitor(Uri? address = null)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = address ?? ServiceUnderTest.BaseAddress };
    }

    public CookieContainer Cookies { get; }

    public Cookie? SessionCookie => Cookies.GetAllCookies().FirstOrDefault(c => c.Name == "accountability_dashboard");

    public async Task<HttpResponseMessage> GetAsync(string path, string accept = "text/html")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return await http.SendAsync(request);
    }

    public async Task<string> ReadAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return body;
    }

    /// <summary>Fills in the sign-in form with the key and sends it.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string? key, string accept = "text/html") =>
        await PostAsync("/dashboard/sign-in", SealOf(await ReadAsync("/dashboard/sign-in")), new() { ["key"] = key ?? "" }, accept);

    /// <summary>Signs in and expects to land on the overview.</summary>
    public async Task SignInAsOperatorAsync(Marketplace market)
    {
        using var response = await SignInAsync(market.Operator.Key);
        Assert.That((response.StatusCode, response.Headers.Location?.ToString()), Is.EqualTo((HttpStatusCode.SeeOther, "/dashboard")), await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> SignOutAsync() => await PostAsync("/dashboard/sign-out", SealOf(await ReadAsync("/dashboard")), []);

    public async Task<HttpResponseMessage> PostAsync(string path, string? seal, Dictionary<string, string> fields, string accept = "text/html",
        Action<HttpRequestMessage>? alter = null)
    {
        var values = new Dictionary<string, string>(fields);
        if (seal is not null)
            values["form"] = seal;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Accept.ParseAdd(accept);
        alter?.Invoke(request);
        return await http.SendAsync(request);
    }

    /// <summary>
    /// Sends one of a complaint page's action forms as a browser would: with the seal and the version the page carries,
    /// read from the page now unless the test gives a page read earlier (a form kept open while others acted).
    /// </summary>
    public async Task<HttpResponseMessage> ActAsync(Guid complaint, string action, Dictionary<string, string> fields, string accept = "text/html",
        string? page = null, Action<HttpRequestMessage>? alter = null)
    {
        page ??= await ReadAsync($"/dashboard/complaints/{complaint}");
        var values = new Dictionary<string, string>(fields);
        values.TryAdd("version", VersionField().Match(page).Groups[1].Value);
        return await PostAsync($"/dashboard/complaints/{complaint}/{action}", SealOf(page), values, accept, alter);
    }

    public static string SealOf(string html) => SealField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new AssertionException("The page has no form to send.");

    /// <summary>A complaint handed back and forth store, Acme, store, Acme: flagged ping-pong and escalated.</summary>
    public static async Task<ComplaintView> PingPongAsync(Marketplace market, string product = "Photo Pro")
    {
        var filed = await market.FileAsync(product: product);
        var path = $"/api/complaints/{filed.Id}/handoffs";
        await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix", evidence = new[] { "crash-log-77" } });
        await market.Acme.PostJsonAsync<ComplaintView>(path, new { to = "store", reason = "NeedsStoreAction", note = "Billing, not us" });
        return await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix" });
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"form\" value=\"([^\"]+)\"")]
    private static partial Regex SealField();

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionField();
}
