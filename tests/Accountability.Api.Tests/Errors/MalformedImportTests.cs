using System.Text.Json;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Errors;

/// <summary>
/// Imports with one thing wrong each, through POST /api/imports: a mapping that cannot be used is refused naming
/// mapping.&lt;field&gt;; a row that cannot be read is reported with its line; a cell the store cannot hold names the csv;
/// none answers a 5xx, and nothing is written.
/// </summary>
[Category("api")]
[NonParallelizable] // its snapshot of the store covers whole tables without a tenant column, where other fixtures write
public sealed class MalformedImportTests
{
    private const string Header = "case,at,team,state";
    private const string GoodRow = "A1,2026-01-01 10:00,acme,New";

    private static Marketplace market = null!;

    [OneTimeSetUp]
    public static async Task A_marketplace_to_import_into() => market = await Marketplace.CreateAsync();

    private static Dictionary<string, string?> Mapping() => new()
    {
        ["caseId"] = "case", ["timestamp"] = "at", ["timestampFormat"] = "yyyy-MM-dd HH:mm", ["party"] = "team", ["status"] = "state",
    };

    [TestCase("caseId", "nope")]
    [TestCase("caseId", "")]
    [TestCase("caseId", "ca\0se")]
    [TestCase("timestamp", "nope")]
    [TestCase("timestampFormat", "")]
    [TestCase("party", "nope")]
    [TestCase("party", null)]
    [TestCase("status", "nope")]
    [TestCase("product", "nope")]
    [TestCase("missing", "x\0")]
    public async Task A_mapping_that_cannot_be_used_is_refused_naming_the_field(string field, string? value)
    {
        var mapping = Mapping();
        mapping[field] = value;
        var problem = await ImportAsync(mapping, $"{Header}\n{GoodRow}\n", 400);
        // A column the file does not have is a mismatch of mapping and header: naming either is naming it.
        Assert.That(problem.EnumerateObject().Select(e => e.Name), Has.Some.StartsWith("mapping").Or.Some.EqualTo("csv"), problem.ToString());
    }

    [TestCase("A1,yesterday,acme,New", TestName = "A row with a date that does not parse is a bad row with its line")]
    [TestCase("A1,2026-02-30 10:00,acme,New", TestName = "A row with an impossible date is a bad row with its line")]
    [TestCase(",2026-01-01 10:00,acme,New", TestName = "A row without a case id is a bad row with its line")]
    [TestCase("A1,2026-01-01 10:00,acme", TestName = "A row with too few fields is a bad row with its line")]
    public async Task A_row_that_cannot_be_read_is_reported_with_its_line_and_nothing_is_written(string row)
    {
        var report = await ImportAsync(Mapping(), $"{Header}\n{row.Replace("A1", $"C{Guid.NewGuid():N}")}\n", 200);
        Assert.That(report.GetProperty("casesImported").GetInt32(), Is.Zero, report.ToString());
        Assert.That(report.GetProperty("badRows").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()), Does.Contain(2), report.ToString());
    }

    [Test]
    public async Task A_cell_with_a_NUL_is_refused_naming_the_csv()
    {
        var problem = await ImportAsync(Mapping(), $"{Header}\nA\01,2026-01-01 10:00,acme,New\n", 400);
        Assert.That(problem.EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "csv" }));
    }

    /// <summary>Sends the import and returns the report (200) or the problem's errors (4xx); the store must not change.</summary>
    private static async Task<JsonElement> ImportAsync(Dictionary<string, string?> mapping, string csv, int expected)
    {
        var before = await StoreSnapshot.TakeAsync(market.Id);
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "corpus", mapping, csv });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(await StoreSnapshot.TakeAsync(market.Id), Is.EqualTo(before), "nothing is written");
        var root = JsonDocument.Parse(body).RootElement;
        return expected == 200 ? root : root.GetProperty("errors");
    }
}
