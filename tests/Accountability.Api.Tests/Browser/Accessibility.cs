using System.Text.Json;
using Accountability.Api.Tests.OpenApi;
using Microsoft.Playwright;

namespace Accountability.Api.Tests.Browser;

/// <summary>
/// Runs axe-core on the page as it is now (WCAG 2 A and AA, and axe's best practices): serious and critical violations
/// fail the test, lesser ones are written to its output.
/// </summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private const string RunAxe = """
        async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.flat().join(' '))
        }))
        """;

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AxeScript() });
        var found = await page.EvaluateAsync<JsonElement>(RunAxe, Tags);
        var violations = found.Deserialize<Violation[]>(JsonSerializerOptions.Web)!;
        foreach (var minor in violations.Where(v => !v.IsSerious))
            await TestContext.Out.WriteLineAsync($"Accessibility, not failing: {minor}");
        var serious = violations.Where(v => v.IsSerious).ToList();
        Assert.That(serious, Is.Empty,
            () => $"{serious.Count} serious or critical accessibility violation(s) on {page.Url}:\n{string.Join('\n', serious)}\n");
    }

    private static string AxeScript()
    {
        var path = Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "tests", "browser", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
            Assert.Fail($"axe-core is not installed ({path}): run the tests with deploy/test.sh, which installs it with npm.");
        return path;
    }

    private sealed record Violation(string Id, string? Impact, string Help, string[] Targets)
    {
        public bool IsSerious => Impact is "serious" or "critical";

        public override string ToString() => $"{Id} ({Impact}): {Help}; at {string.Join(", ", Targets)}";
    }
}
