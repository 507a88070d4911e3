using System.Buffers.Binary;
using Microsoft.Playwright;

namespace Accountability.Api.Tests.Browser;

[Category("browser")]
public sealed class BrowserInfrastructureTests
{
    // A critical violation (an image without alternative text) and a moderate one (text outside any landmark).
    private const string ImageWithoutAlternative = """
        <!doctype html><html lang="en"><head><title>Logo</title></head>
        <body><main><h1>Logo</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main><p>Small print</p></body></html>
        """;

    private const string CleanPage = """
        <!doctype html><html lang="en"><head><title>Status</title></head>
        <body><main><h1>Status</h1><label>Reference <input name="reference"></label></main></body></html>
        """;

    [TestCaseSource(typeof(Viewport), nameof(Viewport.All))]
    public async Task Opens_a_page_the_service_serves_and_keeps_a_full_page_screenshot(Viewport viewport)
    {
        await using var tab = await Chromium.OpenAsync(viewport);
        // A small page: a full-page screenshot of a long one (Swagger UI) costs a CPU for tens of seconds.
        var response = await tab.Page.GotoAsync("dashboard/sign-in");
        Assert.That(response?.Status, Is.EqualTo(200));
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the dashboard", Level = 1 })).ToBeVisibleAsync();

        var path = await Screenshots.SaveAsync(tab.Page, $"sign-in-{viewport}");

        var layoutWidth = await tab.Page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.That(PngWidth(path), Is.EqualTo(layoutWidth * viewport.Scale), "a PNG at the page's width and the screen's density");
    }

    [Test]
    public async Task The_accessibility_check_fails_on_an_image_without_alternative_text_but_not_on_lesser_issues()
    {
        await using var tab = await Chromium.OpenAsync(Viewport.Phone);
        await tab.Page.SetContentAsync(ImageWithoutAlternative);

        var failure = await Assert.ThrowsAsync<AssertionException>(() => Accessibility.AssertNoSeriousViolationsAsync(tab.Page));

        Assert.That(failure?.Message, Does.Contain("1 serious or critical").And.Contain("image-alt (critical)").And.Contain("at img"));
        Assert.That(failure?.Message, Does.Not.Contain("region"), "the moderate violation is only written to the output");
    }

    [Test]
    public async Task The_accessibility_check_passes_on_a_clean_page()
    {
        await using var tab = await Chromium.OpenAsync(Viewport.Phone);
        await tab.Page.SetContentAsync(CleanPage);

        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page);
    }

    private static int PngWidth(string path) => BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(path).AsSpan(16, 4));
}
