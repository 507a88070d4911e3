using Accountability.Api.Tests.OpenApi;
using Microsoft.Playwright;

namespace Accountability.Api.Tests.Browser;

/// <summary>Full-page screenshots kept after the run in .local/test-results/screenshots and attached to the test's result.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(OpenApiDocumentTests.RepositoryRoot(), ".local", "test-results", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, string.Join('_', name.Split(Path.GetInvalidFileNameChars())) + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, $"{name}: {page.Url}");
        return path;
    }
}
