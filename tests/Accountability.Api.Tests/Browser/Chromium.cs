using Microsoft.Playwright;

namespace Accountability.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, started once for the whole run on first use and driven by Playwright; closed when the
/// run ends (<see cref="ServiceUnderTest"/>). Every tab opens in a fresh context whose relative addresses resolve
/// against the service under test.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // --no-sandbox: the tests may run as root. The rest keep Chromium from calling Google's services, which a closed
    // network refuses at every start.
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Running = new(LaunchAsync);

    /// <param name="node">Another node than the shared one, such as a node on a schema of its own.</param>
    public static async Task<BrowserTab> OpenAsync(Viewport viewport, Uri? node = null)
    {
        if (!File.Exists(ExecutablePath))
            Assert.Fail($"Chromium is not installed at {ExecutablePath}: run the tests with deploy/test.sh, which installs it.");
        var (_, browser) = await Running.Value;
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = (node ?? ServiceUnderTest.BaseAddress).ToString(),
            ViewportSize = new() { Width = viewport.Width, Height = viewport.Height },
            DeviceScaleFactor = viewport.Scale,
            IsMobile = viewport.IsPhone,
            HasTouch = viewport.IsPhone,
            // axe-core is injected as a script, which a page's strict Content-Security-Policy would refuse.
            BypassCSP = true,
        });
        context.SetDefaultTimeout(60_000); // a full-page screenshot of a long page takes seconds on a busy machine
        return new BrowserTab(context, await context.NewPageAsync());
    }

    public static async Task CloseAsync()
    {
        if (!Running.IsValueCreated || !Running.Value.IsCompletedSuccessfully)
            return;
        var (playwright, browser) = await Running.Value;
        await browser.CloseAsync();
        playwright.Dispose();
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        // Pages render while other fixtures load the machine: a generous wait for what must appear, never a pause.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
        return (playwright, browser);
    }
}
