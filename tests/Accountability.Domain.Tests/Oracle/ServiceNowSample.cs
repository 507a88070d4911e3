using System.Globalization;
using Accountability.Domain.Complaints;
using Accountability.Domain.Imports;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Tests.Oracle;

/// <summary>The ServiceNow sample kept beside the repository, read as the import reads it and translated by the domain's own translator.</summary>
public static class ServiceNowSample
{
    public static string FilePath()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Accountability.sln")))
            dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "the repository root");
        return Path.Combine(dir!.FullName, "..", "shared", "data", "servicenow-incidents", "incident_event_log_sample.csv");
    }

    /// <summary>Every incident's history as complaint events, and the assignment groups as parties.</summary>
    public static (IReadOnlyDictionary<string, IReadOnlyList<IComplaintEvent>> Incidents, PartyDirectory Parties) Read()
    {
        var path = FilePath();
        Assert.That(File.Exists(path), Is.True, $"The sample must sit beside the repository: {path}");
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (number, at, state, group, person, category, subcategory) = (Column("number"), Column("sys_updated_at"), Column("incident_state"),
            Column("assignment_group"), Column("assigned_to"), Column("category"), Column("subcategory"));
        string? Value(string[] row, int i) => row[i] == "?" ? null : row[i];
        var rows = lines.Skip(1).Select((line, i) => (Line: i + 2, Cells: line.Split(','))).Select(r => new HistoryRow(r.Line, r.Cells[number],
            DateTimeOffset.ParseExact(r.Cells[at], "dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Value(r.Cells, group) is { } g ? IdOf(g) : null, Value(r.Cells, state), Value(r.Cells, person), Value(r.Cells, category),
            Value(r.Cells, subcategory), null)).ToList();
        var parties = new PartyDirectory([new Party(Party.StoreId, PartyKind.Store, "The Store"),
            .. lines.Skip(1).Select(l => l.Split(',')[group]).Where(g => g != "?").Distinct().Select(g => new Party(IdOf(g), PartyKind.Vendor, g))]);
        var incidents = rows.GroupBy(r => r.CaseId).ToDictionary(g => g.Key,
            g => HistoryTranslator.Translate(Guid.NewGuid(), "servicenow-sample", [.. g.OrderBy(r => r.At).ThenBy(r => r.Line)]));
        return (incidents, parties);
    }

    private static string IdOf(string group) => group.Trim().ToLowerInvariant().Replace(' ', '-');
}
