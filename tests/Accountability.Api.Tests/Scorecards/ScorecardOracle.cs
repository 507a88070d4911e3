using Accountability.Api.Features.Scorecards;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Tests.Scorecards;

/// <summary>
/// The scorecards recomputed from a tenant's raw event streams, in memory, written apart from the projection: what the
/// docs/scorecards.md defines each figure to be, read straight off the events.
/// </summary>
public sealed class ScorecardOracle
{
    private sealed record Fact(Guid Complaint, string Product, string Category, string Kind, string Party, DateTimeOffset At,
        double Value = 0, string Label = "", string Liable = "", decimal Amount = 0)
    {
        /// <summary>A time to resolve: every resolution but a default judgment's, which the store made holding nothing.</summary>
        public bool Timed { get; init; } = true;
    }

    private readonly List<Fact> facts = [];
    private readonly Dictionary<Guid, Complaint> complaints = [];
    private readonly Dictionary<Guid, (string Holder, DateTimeOffset Since)> runningClocks = [];
    private readonly IReadOnlyList<string> registered;

    private ScorecardOracle(IReadOnlyList<string> registered) => this.registered = registered;

    public static async Task<ScorecardOracle> ReadAsync(IDocumentStore store, string tenant, IEnumerable<Guid> complaintIds, IReadOnlyList<string> parties)
    {
        var streams = new List<(Guid, IReadOnlyList<object>)>();
        await using var session = store.QuerySession(tenant);
        foreach (var id in complaintIds)
            streams.Add((id, [.. (await session.Events.FetchStreamAsync(id)).Select(e => e.Data)]));
        return Of(streams, parties);
    }

    /// <summary>The oracle of streams the test holds itself (a seeded history it wrote), each a complaint's events in order.</summary>
    public static ScorecardOracle Of(IEnumerable<(Guid Id, IReadOnlyList<object> Events)> streams, IReadOnlyList<string> parties)
    {
        var oracle = new ScorecardOracle(parties);
        foreach (var (id, events) in streams)
            oracle.Replay(id, events);
        return oracle;
    }

    private void Replay(Guid id, IReadOnlyList<object> events)
    {
        var filed = (ComplaintFiled)events[0];
        void Add(string kind, string party, DateTimeOffset at, double value = 0, string label = "", string liable = "") =>
            facts.Add(new Fact(id, filed.Product, filed.Category, kind, party, at, value, label, liable));

        string holder = filed.By, lastActor = filed.By;
        // The holder's clock runs from holdStart; runBefore is what it ran earlier in the same hold, before a wait paused it.
        DateTimeOffset holdStart = filed.At;
        var runBefore = TimeSpan.Zero;
        bool acknowledged = false, clockRunning = true;
        double ClockSeconds(DateTimeOffset at) => (runBefore + (clockRunning ? at - holdStart : TimeSpan.Zero)).TotalSeconds;
        (string Party, DateTimeOffset At)? lastResolution = null;
        var handoffsOut = new List<(string Party, DateTimeOffset At)>();
        var receivers = new HashSet<string> { filed.By };
        Add("filed", filed.By, filed.At, label: filed.Category);
        Add("received", filed.By, filed.At);

        void StopClock(DateTimeOffset at)
        {
            if (clockRunning)
            {
                Add("hold-ended", holder, at, (at - holdStart).TotalSeconds);
                runBefore += at - holdStart;
            }
            clockRunning = false;
        }
        void RestartClock(DateTimeOffset at) => (holdStart, clockRunning) = clockRunning ? (holdStart, true) : (at, true);
        void Receive(string party, DateTimeOffset at)
        {
            StopClock(at);
            if (receivers.Add(party))
                Add("received", party, at);
            foreach (var handoff in handoffsOut.Where(h => h.Party == party))
                Add("bounced-back", party, handoff.At);
            handoffsOut.RemoveAll(h => h.Party == party);
            (holder, holdStart, runBefore, acknowledged, clockRunning) = (party, at, TimeSpan.Zero, false, true);
        }

        var charges = new Dictionary<long, List<Fact>>();
        var moneyCharges = new Dictionary<Guid, Fact>();
        var appellants = new Dictionary<Guid, string>();
        foreach (var (e, version) in events.Select((e, i) => (e, (long)i + 1)).Skip(1))
        {
            if (e is ComplaintAssigned assigned && assigned.To != holder) Receive(assigned.To, assigned.At);
            if (e is ComplaintHandedOff handoff)
            {
                Add("handed-off", handoff.From, handoff.At);
                Receive(handoff.To, handoff.At);
                handoffsOut.Add((handoff.From, handoff.At));
            }
            if (e is ComplaintAcknowledged ack && !acknowledged)
            {
                Add("acknowledged", holder, ack.At, ClockSeconds(ack.At));
                acknowledged = true;
            }
            if (e is CustomerRedirected redirected) Add("customer-redirected", redirected.By, redirected.At);
            if (e is ComplaintResolved resolved)
            {
                // A default judgment is the store's resolution, with no time (it held nothing): the silent holder resolved nothing.
                var resolver = resolved.Judgment is null ? holder : resolved.By;
                Add("resolved", resolver, resolved.At, ClockSeconds(resolved.At), resolved.RootCause.ToString(), resolved.LiableParty);
                if (resolved.Judgment is not null)
                    facts[^1] = facts[^1] with { Timed = false };
                Add("found-liable", resolved.LiableParty, resolved.At);
                lastResolution = (resolver, resolved.At);
                StopClock(resolved.At);
            }
            if (e is ComplaintReopened reopened)
            {
                if (lastResolution is { } r) Add("resolution-reopened", r.Party, r.At);
                lastResolution = null;
                StopClock(reopened.At);
                (holdStart, runBefore, acknowledged, clockRunning) = (reopened.At, TimeSpan.Zero, false, true);
            }
            if (e is ComplaintClosed closed) StopClock(closed.At);
            // Waiting on the customer (a question, a proposed fix) or on a third party pauses the clock; the answer restarts it.
            if (e is InformationRequested or ResolutionProposed or ThirdPartyWaitStarted or ComplaintCancelled) StopClock(((IComplaintEvent)e).At);
            if (e is InformationProvided or ResolutionRejected or ThirdPartyResponded) RestartClock(((IComplaintEvent)e).At);
            if (e is ComplaintRated rated) Add("rated", holder, rated.At, rated.Stars);
            if (e is FlagRaised { Charged: null } flag)
            {
                var holderFault = flag.Rule is RuleIds.StalledHolder or RuleIds.ReopenLoop || lastActor is "customer" or "rules";
                Add("flagged", holderFault ? holder : lastActor, flag.At, label: flag.Rule);
                Add("uncharged", holderFault ? holder : lastActor, flag.At, label: flag.Rule);
            }
            if (e is FlagRaised { Charged: { } charged } chargedFlag)
            {
                Add("flagged", charged.FirstOrDefault() ?? holder, chargedFlag.At, label: chargedFlag.Rule);
                foreach (var replaced in chargedFlag.Supersedes ?? [])
                    facts.RemoveAll(charges.GetValueOrDefault(replaced, []).Contains);
                var flagged = facts[^1];
                facts.AddRange(charged.Select(p => new Fact(id, filed.Product, filed.Category, "charged", p, chargedFlag.At, Label: chargedFlag.Rule)));
                charges[version] = [flagged, .. facts.TakeLast(charged.Count)];
            }
            if (e is ChargeCreated money)
            {
                Add("money-charged", money.Party, money.At, label: money.Amount.Currency);
                moneyCharges[money.ChargeId] = facts[^1] = facts[^1] with { Amount = money.Amount.Amount };
            }
            if (e is ChargeAppealed appealed) appellants[appealed.ChargeId] = appealed.By;
            if (e is AppealDecided decided && appellants.Remove(decided.ChargeId, out var appellant))
                Add(decided.Outcome == Domain.Liability.AppealOutcome.Overturned ? "appeal-won" : "appeal-lost", appellant, decided.At);
            if (e is ChargeReversed reversal && moneyCharges.Remove(reversal.ChargeId, out var takenBack))
                facts.Add(takenBack with { Kind = "money-charge-reversed" });
            if (e is IComplaintEvent acted and not (FlagRaised or ComplaintEscalated)) lastActor = acted.By;
        }
        complaints[id] = events.Aggregate((Complaint?)null, Complaint.Evolve)!;
        if (clockRunning)
            runningClocks[id] = (holder, holdStart);
    }

    /// <summary>Total time each party held complaints up to <paramref name="asOf"/>, as the complaint state itself counts it.</summary>
    public IReadOnlyDictionary<string, double> TimeHeldByDomain(DateTimeOffset asOf) => complaints.Values
        .SelectMany(c => c.TimeHeld(asOf)).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Sum(t => t.Value.TotalSeconds));

    public IReadOnlyList<PartyScorecard> Parties(ScorecardFilter filter, DateTimeOffset asOf)
    {
        var inPeriod = facts.Where(f => InScope(f.Complaint, f.Product, f.Category, filter) && InPeriod(f.At, filter)).ToList();
        var running = complaints.Values.Where(c => runningClocks.ContainsKey(c.Id) && InScope(c.Id, c.Product, c.Category, filter)).ToList();
        var parties = registered.Concat(inPeriod.Select(f => f.Party)).Concat(running.Select(c => c.Holder))
            .Where(p => filter.Party is null || p == filter.Party).Distinct().Order(StringComparer.Ordinal);
        return [.. parties.Select(party =>
        {
            var mine = inPeriod.Where(f => f.Party == party).ToList();
            List<Fact> Of(string kind) => [.. mine.Where(f => f.Kind == kind)];
            var resolved = Of("resolved");
            var holding = running.Where(c => c.Holder == party).ToList();
            return new PartyScorecard(party,
                Of("received").Select(f => f.Complaint).Distinct().Count(),
                holding.Count,
                holding.Sum(c => (asOf - runningClocks[c.Id].Since).TotalSeconds),
                DurationsOf(Of("acknowledged")),
                DurationsOf([.. resolved.Where(f => f.Timed)]),
                Of("hold-ended").Sum(f => f.Value),
                Of("handed-off").Count,
                Of("bounced-back").Count,
                Of("handed-off").Count == 0 ? null : (double)Of("bounced-back").Count / Of("handed-off").Count,
                Of("customer-redirected").Count,
                RuleIds.All.ToDictionary(r => r, r => Of("charged").Count(f => f.Label == r)),
                Of("charged").Concat(Of("uncharged")).Count(f => f.Label == RuleIds.StalledHolder),
                Of("uncharged").Count,
                resolved.Count,
                Of("resolution-reopened").Count,
                resolved.Count == 0 ? null : (double)Of("resolution-reopened").Count / resolved.Count,
                new Rating(Of("rated").Count, Of("rated").Count == 0 ? null : Of("rated").Average(f => f.Value)),
                Enum.GetNames<RootCause>().ToDictionary(c => c, c => resolved.Count(f => f.Label == c)),
                resolved.GroupBy(f => f.Liable).ToDictionary(g => g.Key, g => g.Count()),
                Of("found-liable").Count,
                Of("money-charged").Concat(Of("money-charge-reversed")).GroupBy(f => f.Label).ToDictionary(g => g.Key,
                    g => g.Sum(f => f.Kind == "money-charged" ? f.Amount : -f.Amount)),
                Of("appeal-won").Count,
                Of("appeal-lost").Count);
        })];
    }

    public IReadOnlyList<ProductScorecard> Products(ScorecardFilter filter)
    {
        bool Involved(Guid complaint) => filter.Party is null || complaints[complaint].PartiesInvolved.Contains(filter.Party);
        var inPeriod = facts.Where(f => f.Product == (filter.Product ?? f.Product) && f.Category == (filter.Category ?? f.Category)
            && Involved(f.Complaint) && InPeriod(f.At, filter)).ToList();
        return [.. inPeriod.Where(f => f.Kind is "filed" or "flagged" or "resolved" or "resolution-reopened" or "found-liable" or "appeal-won" or "appeal-lost").GroupBy(f => f.Product).Select(g =>
        {
            var resolutions = g.Count(f => f.Kind == "resolved");
            var reopened = g.Count(f => f.Kind == "resolution-reopened");
            return new ProductScorecard(g.Key, g.Count(f => f.Kind == "filed"),
                g.Where(f => f.Kind == "filed").GroupBy(f => f.Label).ToDictionary(c => c.Key, c => c.Count()),
                resolutions, reopened, resolutions == 0 ? null : (double)reopened / resolutions,
                RuleIds.All.ToDictionary(r => r, r => g.Count(f => f.Kind == "flagged" && f.Label == r)),
                g.Count(f => f.Kind == "found-liable"), g.Count(f => f.Kind == "appeal-won"), g.Count(f => f.Kind == "appeal-lost"));
        }).OrderByDescending(p => p.Complaints).ThenBy(p => p.Product, StringComparer.Ordinal)];
    }

    private static bool InScope(Guid complaint, string product, string category, ScorecardFilter filter) =>
        (filter.Product is null || product == filter.Product) && (filter.Category is null || category == filter.Category);

    private static bool InPeriod(DateTimeOffset at, ScorecardFilter filter) =>
        (filter.From is null || at >= filter.From) && (filter.To is null || at < filter.To);

    /// <summary>Count, median and 90th percentile, interpolated between the nearest values as PostgreSQL's percentile_cont does.</summary>
    private static Durations DurationsOf(IReadOnlyList<Fact> timed)
    {
        if (timed.Count == 0)
            return new Durations(0, null, null);
        var sorted = timed.Select(f => f.Value).Order().ToArray();
        double At(double fraction)
        {
            var position = fraction * (sorted.Length - 1);
            var below = (int)Math.Floor(position);
            var above = Math.Min(below + 1, sorted.Length - 1);
            return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }
        return new Durations(sorted.Length, At(0.5), At(0.9));
    }
}
