using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>The mapping's fingerprint is kept with the source: another mapping for the same source is refused unless replacing.</summary>
[Category("api")]
public sealed class ReimportTests
{
    private const string Log = """
        ticket,when,team,desk
        T-1,2026-01-05 09:00,Acme Apps,Photon Devices
        T-1,2026-01-05 10:00,Photon Devices,Photon Devices
        T-2,2026-01-06 09:00,Acme Apps,Acme Apps
        T-3,2026-01-06 09:00,Acme Apps,Acme Apps
        """;

    private static object Mapping(string party) => new { caseId = "ticket", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party };

    [Test]
    public async Task The_same_source_with_another_mapping_is_refused_saying_how_to_replace_and_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping("team"), csv = Log });
        var before = await market.Operator.GetJsonAsync<ListResponse>("/api/complaints");

        using var response = await market.Operator.PostAsync("/api/imports", new { source = "helpdesk", mapping = Mapping("desk"), csv = Log });

        var problem = await response.ShouldBeProblemAsync(409, "already-exists");
        Assert.That(problem.Errors!["mapping"][0], Does.Contain("another mapping").And.Contain("--replace").And.Contain("3 complaints"));
        var after = await market.Operator.GetJsonAsync<ListResponse>("/api/complaints");
        Assert.That(after.Items.Select(c => (c.Id, c.Version)), Is.EqualTo(before.Items.Select(c => (c.Id, c.Version))));
    }

    [Test]
    public async Task Replace_removes_the_sources_complaints_and_imports_the_file_again_saying_what_changed()
    {
        var market = await Marketplace.CreateAsync();
        await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping("team"), csv = Log });
        var withoutT3 = string.Join("\n", Log.Split('\n').Where(l => !l.StartsWith("T-3", StringComparison.Ordinal)));

        var report = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping("desk"), csv = withoutT3, replace = true });

        Assert.That(report.Replaced, Is.EqualTo(new ReplacedImport(3, 2, 1)));
        Assert.That(report.CasesImported, Is.EqualTo(2));
        var complaints = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items;
        Assert.That(complaints.Select(c => c.CustomerReference), Is.EquivalentTo(new[] { "T-1", "T-2" }));
        Assert.That(complaints.Single(c => c.CustomerReference == "T-1").HandoffCount, Is.Zero, "desk never changes for T-1");

        var again = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping("desk"), csv = withoutT3 });
        Assert.That((again.CasesImported, again.CasesAlreadyImported), Is.EqualTo((0, 2)), "the new mapping is the source's now");
    }

    [Test]
    public async Task The_command_line_refuses_another_mapping_with_exit_code_2_and_says_how_to_replace()
    {
        var market = await Marketplace.CreateAsync();
        await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping("team"), csv = Log });

        var run = await CommandLineRun.ImportAsync(market.Id, Log, """{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"desk"}""",
            "--source", "helpdesk");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("--replace").And.Contain("Nothing was imported"));
    }
}
