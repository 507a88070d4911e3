using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Accountability.Benchmarks;

/// <summary>
/// What appending event number <see cref="EventNumber"/> to a complaint costs: the rules judge it, then it and its
/// follow-ups are folded, as JudgedEvents.Of does in the service. Must stay within 2x of event number 10.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[Config(typeof(RatioToBaselineConfig))]
public class AppendBenchmark
{
    public const int Baseline = 10;

    private static readonly PartyDirectory Parties = new(
    [
        new Party(Party.StoreId, PartyKind.Store, "The Store"),
        new Party("acme", PartyKind.Vendor, "Acme Apps"),
        new Party("photon", PartyKind.Vendor, "Photon Devices"),
        new Party("carrier", PartyKind.Vendor, "Carrier Co"),
    ]);

    private Complaint before = null!;
    private IReadOnlyList<IComplaintEvent> next = null!;

    [Params(Baseline, 1_000, 10_000)]
    public int EventNumber { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var history = new History();
        while (history.Count < EventNumber - 30)
            history.Round();
        // Every stream ends the same way, so the judged handoff makes the same rules fire (cycle and evidence-free, no
        // escalation) at every length: the cases differ only in how much history lies behind them.
        history.Redirect("carrier");
        history.Acknowledge();
        history.HandOff("acme", HandoffReason.NeedsVendorFix, "crash-log.txt");
        history.HandOff("photon", HandoffReason.NeedsVendorFix, "crash-log.txt");
        history.Acknowledge();
        while (history.Count < EventNumber - 1)
            history.AskOrAnswer();
        before = history.State;
        next = [new ComplaintHandedOff("photon", Party.StoreId, HandoffReason.NotOurComponent, null, [], history.Tick())];
        var fired = RuleEngine.Judge(before, next, Policy.Default, Parties).Select(e => e is FlagRaised f ? f.Rule : e.GetType().Name);
        if (history.Count != EventNumber - 1 || !fired.SequenceEqual([RuleIds.Cycle, RuleIds.EvidenceFreeHandoff]))
            throw new InvalidOperationException($"Judged event {history.Count + 1} fired [{string.Join(", ", fired)}]: the cases would not measure the same work.");
        Console.WriteLine($"// {history.Count} events before, {history.FlagsRaised} flags raised, {before.Flags.Count} kept, escalated by {before.Escalation?.Rule}");
    }

    [Benchmark]
    public Complaint JudgeAndFold()
    {
        IReadOnlyList<IComplaintEvent> events = [.. next, .. RuleEngine.Judge(before, next, Policy.Default, Parties)];
        return events.Aggregate((Complaint?)before, (state, e) => Complaint.Evolve(state, e))!;
    }

    /// <summary>A complaint bounced between the store and three vendors, each event judged as the service judges it.</summary>
    private sealed class History
    {
        private DateTimeOffset clock = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        public History() => State = Complaint.Evolve(null,
            new ComplaintFiled(Guid.NewGuid(), "cust-1", "Photo Pro", "acme", "crash", "Crashes on start", Channel.App, Party.StoreId, clock))!;

        public Complaint State { get; private set; }

        public int Count => (int)State.Version;

        public int FlagsRaised { get; private set; }

        public DateTimeOffset Tick() => clock = clock.AddHours(1);

        /// <summary>One round of buck-passing from the store and back: every event-driven rule fires in it (reopen-loop every other round).</summary>
        public void Round()
        {
            Acknowledge();
            Redirect("photon");
            HandOff("acme", HandoffReason.NotOurComponent);
            HandOff(Party.StoreId, HandoffReason.WrongParty);
            HandOff("acme", HandoffReason.NeedsVendorFix, "screenshot.png");
            AskOrAnswer();
            AskOrAnswer();
            HandOff("photon", HandoffReason.NotOurComponent, "crash-log.txt");
            HandOff("carrier", HandoffReason.WrongParty);
            HandOff("acme", HandoffReason.NeedsVendorFix);
            HandOff(Party.StoreId, HandoffReason.NeedsStoreAction);
            Append(new ComplaintResolved(Party.StoreId, RootCause.ProductDefect, "acme", "Refunded", Tick()));
            Append(new ComplaintReopened(Party.CustomerId, "Still crashes", Tick()));
        }

        public void Acknowledge() => Append(new ComplaintAcknowledged(State.Holder, Tick()));

        public void Redirect(string to) => Append(new CustomerRedirected(State.Holder, to, "Please contact them directly.", Tick()));

        public void HandOff(string to, HandoffReason reason, params string[] evidence) =>
            Append(new ComplaintHandedOff(State.Holder, to, reason, null, evidence, Tick()));

        public void AskOrAnswer() => Append(State.Status == ComplaintStatus.AwaitingInformation
            ? new InformationProvided(Party.CustomerId, "Android 15", Tick())
            : new InformationRequested(State.Holder, "Which OS version?", Tick()));

        private void Append(IComplaintEvent e)
        {
            var followUps = RuleEngine.Judge(State, [e], Policy.Default, Parties);
            FlagsRaised += followUps.OfType<FlagRaised>().Count();
            State = new[] { e }.Concat(followUps).Aggregate(State, (state, x) => Complaint.Evolve(state, x)!);
        }
    }
}

/// <summary>BenchmarkDotNet can only take a method as baseline, not a [Params] value, so the ratios to event 10 are columns of their own.</summary>
public sealed class RatioToBaselineConfig : ManualConfig
{
    public RatioToBaselineConfig()
    {
        AddColumn(new RatioColumn("Ratio", "Mean time of this case / mean time of EventNumber=10", (s, c) => s[c]?.ResultStatistics?.Mean));
        AddColumn(new RatioColumn("Alloc Ratio", "Bytes allocated per operation / those of EventNumber=10", (s, c) => s[c]?.GcStats.GetBytesAllocatedPerOperation(c)));
    }

    private sealed class RatioColumn(string name, string legend, Func<Summary, BenchmarkCase, double?> metric) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public string Legend => legend;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Baseline;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var baseline = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor == benchmarkCase.Descriptor && c.Job == benchmarkCase.Job
                && Equals(c.Parameters[nameof(AppendBenchmark.EventNumber)], AppendBenchmark.Baseline));
            var (value, reference) = (metric(summary, benchmarkCase), baseline is null ? null : metric(summary, baseline));
            return value is { } v && reference is > 0 ? (v / reference.Value).ToString("0.00", style.CultureInfo) : "?";
        }
    }
}
