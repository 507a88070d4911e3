using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Policy = Accountability.Domain.Rules.Policy;
using Severity = Accountability.Domain.Rules.Severity;

namespace Accountability.Domain.Tests.Oracle;

/// <summary>A flag as docs/rules.md says it must be raised: where it lands in the stream and everything it says.</summary>
public sealed record ExpectedFlag(long Version, string Rule, Severity Severity, IReadOnlyList<long> Evidence, string Sentence,
    IReadOnlyList<string> Charged, IReadOnlyList<long> Supersedes);

/// <summary>
/// A second reading of docs/rules.md, written from the document and not from the rule classes: plain loops over a
/// complaint's events (flags and escalations left out), keeping its own versions as the flags it raises would be
/// appended. It reads the policy's knobs and nothing else of the rules. Deadlines are not its business.
/// </summary>
public sealed class FlagOracle(Policy policy, PartyDirectory parties)
{
    private sealed record Step(long Version, string From, string To, string By, bool Evidence, DateTimeOffset At);

    private readonly List<Step> path = [], passes = [];
    private readonly List<TimeSpan> held = [];
    private readonly List<(long Version, List<long> Evidence)> standing = [];
    private readonly List<long> reopens = [];
    private readonly List<(long Version, string Rule, List<long> Evidence)> episode = [];
    private readonly List<ExpectedFlag> flags = [];
    private readonly Dictionary<Guid, (long Version, string Needed)> evidenceAsked = [];
    private string holder = "";
    private DateTimeOffset received;
    private long version;
    private bool escalated;

    public static IReadOnlyList<ExpectedFlag> Judge(IEnumerable<IComplaintEvent> history, Policy policy, PartyDirectory parties)
    {
        var oracle = new FlagOracle(policy, parties);
        foreach (var e in history)
            oracle.Read(e);
        return oracle.flags;
    }

    private void Read(IComplaintEvent e)
    {
        version++;
        var found = new List<(string Rule, List<long> Evidence, string Sentence, List<string> Charged, List<long> Supersedes)>();
        switch (e)
        {
            case ComplaintFiled f:
                (holder, received) = (f.By, f.At);
                return;
            case ComplaintAssigned a when a.To != holder:
                Arrive(new Step(version, holder, a.To, a.By, false, a.At));
                found.AddRange(Loop());
                break;
            case ComplaintHandedOff h:
                passes.Add(new Step(version, h.From, h.To, h.From, h.Evidence.Count > 0, h.At));
                held.Add(h.At - received);
                Arrive(passes[^1]);
                found.AddRange(Loop());
                found.AddRange(Churn());
                if (policy.EvidenceFreeHandoff.Enabled && h.Evidence.Count == 0 && policy.EvidenceFreeHandoff.Reasons.Contains(h.Reason))
                    found.Add(("evidence-free-handoff", [version],
                        $"{parties.NameOf(h.From)} handed the complaint to {parties.NameOf(h.To)} as {Quote(h.Reason)} without attaching any evidence.", [h.From], []));
                break;
            case CustomerRedirected r:
                if (policy.CustomerDeflection.Enabled)
                    found.Add(("customer-deflection", [version],
                        $"{parties.NameOf(r.By)} told the customer to contact {parties.NameOf(r.RedirectedTo)} instead of handing the complaint over.", [r.By], []));
                break;
            case ComplaintResolved or ComplaintClosed:
                EndEpisode();
                episode.Clear();
                break;
            case ComplaintCancelled:
                episode.Clear();
                break;
            case StepInRequested:
                if (policy.StepInRequest.Enabled)
                {
                    var asked = $"The customer asked {parties.NameOf(Party.StoreId)} to step in while {parties.NameOf(holder)} held the complaint";
                    found.Add(("step-in-requested", [.. episode.SelectMany(f => f.Evidence).Distinct().Order(), version], episode.Count == 0 ? asked + "."
                        : $"{asked}, after {episode.Count} flag{(episode.Count == 1 ? "" : "s")} in this episode: {string.Join(", ", episode.Select(f => f.Rule))}.",
                        [holder], []));
                }
                break;
            case ComplaintTakenOver t:
                // docs/rules.md, "Step-in": the loops start afresh from whoever stepped in.
                EndEpisode();
                (holder, received) = (t.To, t.At);
                break;
            case EvidenceRequested r:
                evidenceAsked[r.RequestId] = (version, r.Needed);
                break;
            case EvidenceDeadlineMissed m when evidenceAsked.TryGetValue(m.RequestId, out var asked):
                // docs/rules.md, "Evidence missed": the request and the miss are the evidence, the party asked is charged.
                if (policy.EvidenceMissed.Enabled)
                    found.Add(("evidence-missed", [asked.Version, version],
                        $"{parties.NameOf(m.Party)} did not give the evidence asked for ({asked.Needed}) by its due time, " +
                        $"{m.Due.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC.", [m.Party], []));
                break;
            case ComplaintReopened o:
                EndEpisode();
                episode.Clear();
                received = o.At;
                reopens.Add(version);
                if (policy.ReopenLoop.Enabled && reopens.Count >= policy.ReopenLoop.Reopens)
                    found.Add(("reopen-loop", [.. reopens], $"Reopened {reopens.Count} times since it was last flagged: the fixes have not fixed the real problem.", [holder], []));
                break;
        }
        var order = new[] { "bounce", "ping-pong", "hub", "cycle", "churn", "customer-deflection", "evidence-free-handoff", "reopen-loop", "step-in-requested", "evidence-missed" };
        foreach (var (rule, evidence, sentence, charged, supersedes) in found.OrderBy(f => Array.IndexOf(order, f.Rule)))
            Raise(rule, evidence, sentence, charged, supersedes);
    }

    private void Arrive(Step step)
    {
        path.Add(step);
        (holder, received) = (step.To, step.At);
    }

    private void EndEpisode()
    {
        path.Clear();
        passes.Clear();
        held.Clear();
        standing.Clear();
    }

    /// <summary>docs/rules.md, "Loops": the story the latest move completes, if it is a return.</summary>
    private IEnumerable<(string, List<long>, string, List<string>, List<long>)> Loop()
    {
        var n = path.Count;
        var back = path[n - 1];
        var left = -1;
        for (var k = n - 2; k >= 0 && left < 0; k--)
            if (path[k].From == back.To) left = k;
        if (left < 0)
            yield break;
        var between = new List<string>();
        for (var k = left; k < n - 1; k++)
            if (!between.Contains(path[k].To)) between.Add(path[k].To);
        var run = 1;
        for (var k = n - 2; k >= 0 && path[k].From == path[k + 1].To && path[k].To == path[k + 1].From; k--)
            run++;
        var first = 0;
        while (path[first].From != back.To) first++;
        var routes = new List<string>();
        var returns = 0;
        for (var k = first; k < n; k++)
        {
            if (path[k].To == back.To) returns++;
            if (path[k].From == back.To && !routes.Contains(path[k].To)) routes.Add(path[k].To);
        }
        var t = policy.PingPong.Handoffs;
        string rule;
        int from;
        if (between.Count == 1 && run >= t && (run - t) % t == 0) (rule, from) = ("ping-pong", n - run);
        else if (returns >= policy.Hub.Returns && routes.Count >= 2) (rule, from) = ("hub", first);
        else if (between.Count == 1 && run == 2) (rule, from) = ("bounce", n - 2);
        else if (between.Count >= 2) (rule, from) = ("cycle", left);
        else yield break;
        if (!Enabled(rule))
            yield break;
        var moves = path.GetRange(from, n - from);
        var evidence = moves.Select(m => m.Version).ToList();
        var span = Describe(back.At - moves[0].At);
        var sentence = rule switch
        {
            "ping-pong" => $"Handed back and forth between {parties.NameOf(moves[0].From)} and {parties.NameOf(moves[0].To)} {run} times in {span}.",
            "hub" => $"Came back to {parties.NameOf(back.To)} {returns} times in {span}: {parties.NameOf(back.To)} routed it to {List(routes)} and each time it came back.",
            "bounce" => $"Bounced: {parties.NameOf(moves[0].From)} handed it to {parties.NameOf(moves[0].To)}, who handed it back {span} later " +
                $"{(back.Evidence ? "with" : "without")} evidence.",
            _ => $"Came back to {parties.NameOf(back.To)} after passing through {List(between)}, without anyone resolving it.",
        };
        var supersedes = standing.Where(s => s.Evidence.All(evidence.Contains)).Select(s => s.Version).ToList();
        yield return (rule, evidence, sentence, ChargedFor(from), supersedes);
    }

    /// <summary>Those who sent it back without evidence among the story's returns (to a party that passed it on earlier in the story); if every return carried evidence, the last to send it back.</summary>
    private List<string> ChargedFor(int from)
    {
        var bare = new List<string>();
        string? last = null;
        for (var k = from; k < path.Count; k++)
        {
            var isReturn = false;
            for (var j = from; j < k; j++)
                if (path[j].From == path[k].To) isReturn = true;
            if (!isReturn) continue;
            last = path[k].By;
            if (!path[k].Evidence && !bare.Contains(path[k].By)) bare.Add(path[k].By);
        }
        return bare.Count > 0 ? bare : last is null ? [] : [last];
    }

    private IEnumerable<(string, List<long>, string, List<string>, List<long>)> Churn()
    {
        var window = TimeSpan.FromHours(policy.Churn.WindowHours);
        var quick = 0;
        for (var k = held.Count - 1; k >= 0 && held[k] <= window; k--)
            quick++;
        if (!policy.Churn.Enabled || quick < policy.Churn.Handoffs)
            yield break;
        var recent = passes.GetRange(passes.Count - policy.Churn.Handoffs, policy.Churn.Handoffs);
        var passers = recent.Select(p => p.By).Distinct().ToList();
        yield return ("churn", recent.Select(p => p.Version).ToList(),
            $"Passed on {recent.Count} times in {Describe(recent[^1].At - recent[0].At)}, each time within {Describe(window)} of receiving it, by {List(passers)}.",
            passers, []);
    }

    private void Raise(string rule, List<long> evidence, string sentence, List<string> charged, List<long> supersedes)
    {
        version++;
        var (severity, escalates) = Settings(rule);
        flags.Add(new ExpectedFlag(version, rule, severity, evidence, sentence, charged, supersedes));
        episode.RemoveAll(f => supersedes.Contains(f.Version));
        episode.Add((version, rule, evidence));
        if (rule is "bounce" or "ping-pong" or "hub" or "cycle")
        {
            standing.RemoveAll(s => supersedes.Contains(s.Version));
            standing.Add((version, evidence));
        }
        if (rule == "churn") ClearPasses();
        if (rule == "reopen-loop") reopens.Clear();
        if (escalates && !escalated)
            (escalated, version) = (true, version + 1);
    }

    private void ClearPasses()
    {
        passes.Clear();
        held.Clear();
    }

    private bool Enabled(string rule) => rule switch
    {
        "bounce" => policy.Bounce.Enabled,
        "ping-pong" => policy.PingPong.Enabled,
        "hub" => policy.Hub.Enabled,
        _ => policy.Cycle.Enabled,
    };

    private (Severity, bool) Settings(string rule) => rule switch
    {
        "bounce" => (policy.Bounce.Severity, policy.Bounce.Escalates),
        "ping-pong" => (policy.PingPong.Severity, policy.PingPong.Escalates),
        "hub" => (policy.Hub.Severity, policy.Hub.Escalates),
        "cycle" => (policy.Cycle.Severity, policy.Cycle.Escalates),
        "churn" => (policy.Churn.Severity, policy.Churn.Escalates),
        "customer-deflection" => (policy.CustomerDeflection.Severity, policy.CustomerDeflection.Escalates),
        "evidence-free-handoff" => (policy.EvidenceFreeHandoff.Severity, policy.EvidenceFreeHandoff.Escalates),
        "step-in-requested" => (policy.StepInRequest.Severity, policy.StepInRequest.Escalates),
        "evidence-missed" => (policy.EvidenceMissed.Severity, policy.EvidenceMissed.Escalates),
        _ => (policy.ReopenLoop.Severity, policy.ReopenLoop.Escalates),
    };

    private string List(IEnumerable<string> ids)
    {
        var names = ids.Select(parties.NameOf).ToList();
        return names.Count < 2 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }

    /// <summary>docs/rules.md, "Sentences": whole minutes under an hour, whole hours under two days, whole days beyond.</summary>
    private static string Describe(TimeSpan span)
    {
        var (n, unit) = span.TotalMinutes < 1 ? (0, "") : span.TotalHours < 1 ? ((int)span.TotalMinutes, "minute")
            : span.TotalDays < 2 ? ((int)span.TotalHours, "hour") : ((int)span.TotalDays, "day");
        return unit == "" ? "under a minute" : n == 1 ? $"1 {unit}" : $"{n} {unit}s";
    }

    private static string Quote(HandoffReason reason) => reason switch
    {
        HandoffReason.NotOurComponent => "\"not our component\"",
        HandoffReason.WrongParty => "\"the wrong party\"",
        HandoffReason.NeedsVendorFix => "\"needs a vendor fix\"",
        HandoffReason.NeedsStoreAction => "\"needs the store to act\"",
        HandoffReason.Escalation => "\"escalation\"",
        _ => "\"other\"",
    };
}
