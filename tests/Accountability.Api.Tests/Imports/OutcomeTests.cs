using System.Text.Json;
using Accountability.Api.Tests.Infrastructure;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>An outcome a script can act on: exit codes, a summary at the end, --json, --max-bad-rows, progress that ends at 100%.</summary>
[Category("api")]
public sealed class OutcomeTests
{
    private const string Mapping = """{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"team"}""";

    [Test]
    public async Task A_clean_import_exits_0_with_progress_ending_at_100_percent_and_a_summary_with_time_and_speed()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, "ticket,when,team\nT-1,2026-01-05 09:00,Acme Apps\nT-1,2026-01-05 10:00,Photon Devices\n", Mapping);

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("Reading rows: 100%").And.Contain("Importing cases: 100%"));
        Assert.That(run.Output, Does.Contain("events/s").And.Contain("rows read"));
    }

    [Test]
    public async Task Json_prints_the_report_for_machines_and_bad_rows_exit_1_with_the_good_rows_imported()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, "ticket,when,team\nT-1,2026-01-05 09:00,Acme Apps\nT-2,soon,Acme Apps\n", Mapping, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.That((report.GetProperty("rows").GetInt32(), report.GetProperty("casesImported").GetInt32()), Is.EqualTo((2, 1)));
        Assert.That(report.GetProperty("badRows")[0].GetProperty("line").GetInt32(), Is.EqualTo(3));
        Assert.That(report.GetProperty("eventsPerSecond").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public async Task More_bad_rows_than_max_bad_rows_stops_early_exits_1_and_imports_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, "ticket,when,team\nT-1,2026-01-05 09:00,Acme Apps\nT-2,soon,Acme Apps\nT-3,later,Acme Apps\nT-4,never,Acme Apps\n",
            Mapping, "--max-bad-rows", "1");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("Stopped at line 4").And.Contain("Nothing was imported"));
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items, Is.Empty);
    }
}
