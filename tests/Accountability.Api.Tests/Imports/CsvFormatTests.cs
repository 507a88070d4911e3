using System.Text;
using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>The event log's CSV: separators, byte order marks, quoted line breaks, and rows that can never swallow others.</summary>
[Category("api")]
public sealed class CsvFormatTests
{
    private static readonly object Mapping = new { caseId = "ticket", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party = "team" };

    [TestCase(";")]
    [TestCase("\t")]
    [TestCase(",")]
    public async Task The_separator_is_detected_from_the_header_with_or_without_a_byte_order_mark(string separator)
    {
        var market = await Marketplace.CreateAsync();
        var csv = "\uFEFF" + string.Join("\n", "ticket,when,team", "T-1,2026-01-05 09:00,Acme Apps", "T-1,2026-01-05 10:00,Photon Devices").Replace(",", separator);

        var report = await ImportAsync(market, csv);

        Assert.That((report.Rows, report.CasesImported, report.BadRowCount), Is.EqualTo((2, 1, 0)), string.Join("; ", report.BadRows));
        Assert.That((await ComplaintsAsync(market))["T-1"].HandoffCount, Is.EqualTo(1));
    }

    [Test]
    public async Task The_command_line_reads_a_file_with_a_byte_order_mark_and_the_separator_the_mapping_names()
    {
        var market = await Marketplace.CreateAsync();
        // Comma inside the fields: only the mapping's separator can split this file right.
        var run = await CommandLineRun.ImportAsync(market.Id, "\uFEFFticket;when;team\nT-1;2026-01-05 09:00;Acme, Inc.\n",
            """{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"team","delimiter":";"}""");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That((await ComplaintsAsync(market))["T-1"].Holder.DisplayName, Is.EqualTo("Acme, Inc."));
    }

    [Test]
    public async Task An_unterminated_quote_is_an_error_naming_the_line_it_opened_on_and_imports_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var rows = Enumerable.Range(1, 60).Select(i => $"T-{i},2026-01-05 09:00,{(i == 51 ? "\"Acme Apps" : "Acme Apps")}");
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "log", mapping = Mapping, csv = $"ticket,when,team\n{string.Join("\n", rows)}\n" });

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!["csv"][0], Does.Contain("line 52"));
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items, Is.Empty);
    }

    [Test]
    public async Task A_row_with_the_wrong_number_of_fields_is_a_bad_row_and_the_others_import()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, "ticket,when,team\nT-1,2026-01-05 09:00\nT-2,2026-01-05 09:00,Acme Apps,extra\nT-3,2026-01-05 09:00,Acme Apps\n");

        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 2, 3 }), string.Join("; ", report.BadRows));
        Assert.That(report.BadRows[0].Reason, Does.Contain("number of fields"));
        Assert.That((await ComplaintsAsync(market)).Keys, Is.EqualTo(new[] { "T-3" }));
    }

    [Test]
    public async Task A_quoted_field_may_hold_line_breaks_and_later_rows_keep_their_own_line_numbers()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market,
            "ticket,note,when,team\r\nT-1,\"two\r\nlines\",2026-01-05 09:00,Acme Apps\r\nT-2,,not a time,Acme Apps\r\n\r\nT-3,,2026-01-05 09:00,\"Photon \"\"Pro\"\"\"\r\n");

        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 4 }), string.Join("; ", report.BadRows));
        var complaints = await ComplaintsAsync(market);
        Assert.That(complaints["T-1"].Holder.DisplayName, Is.EqualTo("Acme Apps"));
        Assert.That(complaints["T-3"].Holder.DisplayName, Is.EqualTo("Photon \"Pro\""));
    }

    [Test]
    public async Task A_quote_closed_in_the_middle_of_a_field_is_a_bad_row_not_a_merge_of_rows()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, "ticket,when,team\nT-1,2026-01-05 09:00,\"Acme Apps\nT-2,2026-01-05 09:00,Ac\"me\nT-3,2026-01-05 09:00,Acme Apps\n");

        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 2 }), string.Join("; ", report.BadRows));
        Assert.That((await ComplaintsAsync(market)).Keys, Is.EqualTo(new[] { "T-3" }));
    }

    private static async Task<ImportReport> ImportAsync(Marketplace market, string csv) =>
        await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "log", mapping = Mapping, csv });

    private static async Task<Dictionary<string, Features.Complaints.ComplaintView>> ComplaintsAsync(Marketplace market) =>
        (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.ToDictionary(c => c.CustomerReference);
}
