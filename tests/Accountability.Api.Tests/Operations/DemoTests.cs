using System.Text.RegularExpressions;
using Accountability.Api.Tests.Browser;
using Accountability.Api.Tests.Dashboard;
using Accountability.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Accountability.Api.Tests.Operations;

/// <summary>The demo a new user starts with: a marketplace of real history, and a key that opens the dashboard on its flags.</summary>
[Category("slow")]
[Category("browser")]
public sealed partial class DemoTests
{
    [Test]
    public async Task The_demo_fills_a_marketplace_from_the_ServiceNow_sample_and_prints_a_key_that_opens_the_dashboard_on_real_flags()
    {
        var root = OpenApi.OpenApiDocumentTests.RepositoryRoot();
        var csv = Path.Combine(root, "..", "shared", "data", "servicenow-incidents", "incident_event_log_sample.csv");
        Assert.That(File.Exists(csv), Is.True, $"The sample must sit beside the repository: {csv}");
        var tenant = $"demo-{Guid.NewGuid():N}"[..13];
        await using var schema = new OwnSchema();
        var onItsSchema = new Dictionary<string, string?> { ["Accountability__Schema"] = schema.Name };
        const string url = "http://127.0.0.1:5080";
        string[] demo = ["demo", "--tenant", tenant, "--file", csv, "--mapping", Path.Combine(root, "deploy", "import", "servicenow-mapping.json"), "--url", url];

        var first = await CommandLineRun.RunAsync(onItsSchema, demo);

        Assert.That((first.ExitCode, first.Error), Is.EqualTo((0, "")), first.Output);
        Assert.That(first.Output, Does.Contain($"Demo marketplace '{tenant}': 890 complaints from incident_event_log_sample.csv (890 imported now, 0 already there)"));
        Assert.That(first.Output, Does.Contain("The rules raised 793 flags: bounce 85, churn 36, cycle 78, hub 34, ping-pong 32, reopen-loop 1, stalled-holder 527."));
        Assert.That(first.Output, Does.Contain($"Dashboard:    {url}/dashboard"));
        // The worker, which serves the dashboard too, starts on the history the demo wrote, as after deploy/run.sh --demo.
        await using var worker = new ProjectionWorker(schema: schema.Name);
        using var visitor = new DashboardVisitor(worker.BaseAddress);
        using (var signedIn = await visitor.SignInAsync(KeyOf(first.Output)))
            Assert.That((int)signedIn.StatusCode, Is.EqualTo(303), await signedIn.Content.ReadAsStringAsync());
        var overview = await visitor.ReadAsync("/dashboard");
        Assert.That(overview, Does.Contain("Complaints: 890, 0 of them open. Flagged: 401, 0 of them open."));
        Assert.That(overview, Does.Contain("Ping-pong").And.Contain("Cycle").And.Contain("INC0"));
        Assert.That(overview, Does.Contain("<title id=\"bounces-title\">Bounce rate per vendor</title>"));

        var again = await CommandLineRun.RunAsync(onItsSchema, demo);
        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(again.Output, Does.Contain("(0 imported now, 890 already there)"), "a second run imports nothing again");
        Assert.That(KeyOf(again.Output), Is.Not.EqualTo(KeyOf(first.Output)), "each run prints a fresh key");

        await worker.CatchUpAsync();
        var withProblems = await visitor.ReadAsync("/dashboard");
        Assert.That(withProblems, Does.Contain("20 of 58 open problems, those linking the most complaints first."));
        Assert.That(withProblems, Does.Contain("<td>Category 32 · Subcategory 9</td><td>No owner yet</td><td>53</td>"),
            "once the worker has caught up, the largest recurring problem of the sample comes first");
        Assert.That(withProblems, Does.Contain("<table class=\"scorecards\">").And.Contain("<th scope=\"row\">Group 70</th>"), "and the scorecards");

        await using var tab = await Chromium.OpenAsync(Viewport.Desktop, worker.BaseAddress);
        await tab.Page.GotoAsync("dashboard/sign-in");
        await tab.Page.GetByLabel("Operator API key").FillAsync(KeyOf(again.Output));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Img, new() { Name = "Bounce rate per vendor" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Open recurring problems" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(tab.Page, "dashboard-demo-overview-desktop");
        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page);
    }

    [Test]
    public async Task The_demo_says_where_it_looked_when_the_sample_is_missing()
    {
        var run = await CommandLineRun.RunAsync("demo", "--file", "/nonexistent/incidents.csv");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("The demo's event log is not at /nonexistent/incidents.csv"));
    }

    private static string KeyOf(string output) => OperatorKey().Match(output) is { Success: true } match
        ? match.Groups[1].Value
        : throw new AssertionException($"No operator key in: {output}");

    [GeneratedRegex("Operator key: (acc_[A-Za-z0-9_-]+)")]
    private static partial Regex OperatorKey();
}
