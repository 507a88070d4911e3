using System.Text;
using System.Text.Json;
using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>An import stopped after some batches committed, run again, carries on where it stopped.</summary>
[Category("api")]
public sealed class InterruptedImportTests
{
    private const int Cases = 12;

    private static readonly string Log = "ticket,when,team,desk\n" + string.Concat(Enumerable.Range(1, Cases).Select(i =>
        $"T-{i},2026-01-05 09:00,Acme Apps,Photon Devices\nT-{i},2026-01-05 1{i % 10}:00,Photon Devices,Photon Devices\n"));

    private static ImportMapping Mapping(string party) => JsonSerializer.Deserialize<ImportMapping>(
        $$"""{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"{{party}}"}""", new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static readonly ImportOptions OneCasePerBatch = new() { CasesPerTransaction = 1 };

    [Test]
    public async Task An_import_interrupted_after_some_batches_and_run_again_ends_with_the_same_streams_as_one_uninterrupted()
    {
        var (whole, interrupted) = (await Marketplace.CreateAsync(), await Marketplace.CreateAsync());
        await ImportAsync(whole.Id, Mapping("team"), OneCasePerBatch);

        await InterruptAsync(interrupted.Id, Mapping("team"), OneCasePerBatch);
        Assert.That((await ComplaintsAsync(interrupted)).Count, Is.InRange(1, Cases - 1), "the first run stopped part-way");
        var again = await ImportAsync(interrupted.Id, Mapping("team"), OneCasePerBatch);

        Assert.That(again.CasesImported + again.CasesAlreadyImported, Is.EqualTo(Cases));
        Assert.That(await StreamsAsync(interrupted.Id), Is.EqualTo(await StreamsAsync(whole.Id)));
    }

    [Test]
    public async Task An_interrupted_replacement_run_again_finishes_the_replacement()
    {
        var market = await Marketplace.CreateAsync();
        await ImportAsync(market.Id, Mapping("team"), OneCasePerBatch);

        await InterruptAsync(market.Id, Mapping("desk"), OneCasePerBatch with { Replace = true });
        var report = await ImportAsync(market.Id, Mapping("desk"), OneCasePerBatch);

        var complaints = await ComplaintsAsync(market);
        Assert.That(complaints.Select(c => c.CustomerReference), Is.EquivalentTo(Enumerable.Range(1, Cases).Select(i => $"T-{i}")), "each case once");
        Assert.That(complaints.Select(c => c.HandoffCount), Is.All.Zero, "the desk never changes: every complaint is read with the new mapping");
        Assert.That(report.Replaced, Is.Not.Null);
        var finished = await ImportAsync(market.Id, Mapping("desk"), OneCasePerBatch);
        Assert.That((finished.Replaced, finished.CasesAlreadyImported), Is.EqualTo(((ReplacedImport?)null, Cases)), "the replacement is over");
    }

    private static async Task<ImportReport> ImportAsync(string tenant, ImportMapping mapping, ImportOptions options, IProgress<ImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        var importer = ServiceUnderTest.Services.GetRequiredService<HistoryImporter>();
        using var log = new MemoryStream(Encoding.UTF8.GetBytes(Log));
        return await importer.ImportAsync(tenant, "helpdesk", log, mapping, options, progress, ct);
    }

    private static async Task InterruptAsync(string tenant, ImportMapping mapping, ImportOptions options)
    {
        using var stop = new CancellationTokenSource();
        Assert.That(async () => await ImportAsync(tenant, mapping, options, new StopAfterFirstBatch(stop), stop.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static async Task<IReadOnlyList<Features.Complaints.ComplaintView>> ComplaintsAsync(Marketplace market) =>
        (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints?limit=100")).Items;

    /// <summary>Each case's events, by case id: their types, times and versions.</summary>
    private static async Task<Dictionary<string, string>> StreamsAsync(string tenant)
    {
        await using var session = ServiceUnderTest.Services.GetRequiredService<IDocumentStore>().QuerySession(tenant);
        var streams = new Dictionary<string, string>();
        for (var i = 1; i <= Cases; i++)
        {
            var events = await session.Events.FetchStreamAsync(HistoryImporter.StreamIdOf(tenant, $"T-{i}"));
            streams[$"T-{i}"] = string.Join(" ", events.Select(e => $"{e.Version}:{e.EventTypeName}"));
        }
        return streams;
    }

    /// <summary>Stops the import once its first batch of cases has committed.</summary>
    private sealed class StopAfterFirstBatch(CancellationTokenSource stop) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Stage == ImportProgress.Writing && value.Done > 0)
                stop.Cancel();
        }
    }
}
