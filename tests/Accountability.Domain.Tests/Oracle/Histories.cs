using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Oracle;

/// <summary>Complaint histories for the oracle: random walks through every kind of event, seeded so a failure repeats.</summary>
public static class Histories
{
    private const string S = Party.StoreId;
    private static readonly string[] Parties = [S, "acme", "photon", "carrier", "delta"];
    private static readonly TimeSpan[] Gaps =
        [TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(50), TimeSpan.FromHours(3), TimeSpan.FromHours(20), TimeSpan.FromHours(47), TimeSpan.FromHours(50), TimeSpan.FromDays(4)];

    public static IReadOnlyList<IComplaintEvent> Random(int seed)
    {
        var random = new Random(seed);
        var at = T0;
        var holder = S;
        var status = ComplaintStatus.Open;
        var history = new List<IComplaintEvent> { Filed(at) };
        string Other() => Parties.Where(p => p != holder).ElementAt(random.Next(Parties.Length - 1));
        for (var step = random.Next(3, 30); step > 0; step--)
        {
            at += Gaps[random.Next(Gaps.Length)];
            var roll = random.Next(100);
            IComplaintEvent e = status switch
            {
                ComplaintStatus.Closed => new ComplaintReopened(S, "Again", at),
                ComplaintStatus.Resolved => roll < 35 ? new ComplaintClosed(S, at) : roll < 80 ? new ComplaintReopened(S, "Again", at)
                    : HandOff(holder, Other(), random, at),
                _ => roll switch
                {
                    < 55 => HandOff(holder, Other(), random, at),
                    < 60 => new ComplaintAssigned(Other(), S, at),
                    < 72 => new ComplaintAcknowledged(holder, at),
                    < 76 => new InformationRequested(holder, "Which version?", at),
                    < 80 => new InformationProvided("customer", "2.1", at),
                    < 83 => new CustomerRedirected(holder, Other(), null, at),
                    < 87 => new StepInRequested("customer", at),
                    < 89 => new ComplaintTakenOver(holder, holder == S ? Other() : S, TakeOverCause.CustomerAsked, at),
                    < 92 => new EvidenceRequested(new Guid(seed, (short)step, 0, new byte[8]), Other(), "Refund disputed", "Refund records", at.AddHours(12), S, at),
                    < 94 when history.OfType<EvidenceRequested>().LastOrDefault() is { } asked =>
                        new EvidenceDeadlineMissed(asked.RequestId, asked.Party, asked.Due, at),
                    _ => Resolved(holder, at),
                },
            };
            history.Add(e);
            holder = e switch { ComplaintHandedOff h => h.To, ComplaintAssigned a => a.To, ComplaintTakenOver t => t.To, _ => holder };
            status = Complaint.StatusAfter(e) ?? status;
        }
        return history;
    }

    private static ComplaintHandedOff HandOff(string from, string to, Random random, DateTimeOffset at) =>
        new(from, to, (HandoffReason)random.Next(6), null, random.Next(3) == 0 ? ["log"] : [], at);

    /// <summary>Each pattern docs/rules.md names, once, by name.</summary>
    public static IEnumerable<(string Name, IReadOnlyList<IComplaintEvent> History)> Patterns()
    {
        yield return ("bounce", Walk(S, "acme", S));
        yield return ("bounce with evidence", [Filed(), Hand(S, "acme", 1, "log"), Hand("acme", S, 2, "trace")]);
        yield return ("long ping-pong", Walk(S, "acme", S, "acme", S, "acme", S, "acme", S));
        yield return ("app-store story", [Filed(), Hand(S, "acme", 1, "log"), Hand("acme", S, 2), Hand(S, "acme", 3, "receipt")]);
        yield return ("hub", Walk("photon", "acme", "photon", "carrier", "photon", "delta", "photon"));
        yield return ("hub through a longer loop", Walk(S, "acme", "photon", S, "carrier", S));
        yield return ("cycle", Walk(S, "acme", "photon", S));
        yield return ("cycle across a reopen", [.. Walk(S, "acme", "photon"), Resolved("photon", T0.AddHours(3)), Closed(T0.AddHours(4)),
            new ComplaintReopened(S, "Still broken", T0.AddHours(5)), Hand("photon", S, 6)]);
        yield return ("ping-pong across a reopen", [.. Walk(S, "acme", S), Resolved(S, T0.AddHours(3)),
            new ComplaintReopened(S, "Again", T0.AddHours(4)), Hand(S, "acme", 5), Hand("acme", S, 6)]);
        yield return ("acknowledged then passed on", [Filed(), Hand(S, "acme", 1), new ComplaintAcknowledged("acme", T0.AddHours(1.1)), Hand("acme", "photon", 2),
            new ComplaintAcknowledged("photon", T0.AddHours(2.1)), Hand("photon", "carrier", 3), new ComplaintAcknowledged("carrier", T0.AddHours(3.1)), Hand("carrier", "delta", 4)]);
        yield return ("slow holder breaks churn", [Filed(), Hand(S, "acme", 1), Hand("acme", "photon", 2), Hand("photon", "carrier", 60), Hand("carrier", "delta", 61)]);
        yield return ("reopen loop", [.. Walk(S, "acme"), Resolved("acme", T0.AddHours(2)), new ComplaintReopened(S, "1", T0.AddHours(3)),
            Resolved("acme", T0.AddHours(4)), new ComplaintReopened(S, "2", T0.AddHours(5)), Resolved("acme", T0.AddHours(6)), new ComplaintReopened(S, "3", T0.AddHours(7))]);
        yield return ("deflection and evidence-free handoff", [Filed(), Hand(S, "acme", 1), new CustomerRedirected("acme", "photon", null, T0.AddHours(2)),
            new ComplaintHandedOff("acme", "photon", HandoffReason.NotOurComponent, null, [], T0.AddHours(3))]);
        yield return ("step-in asked after a bounce, then the store takes over", [.. Walk(S, "acme", "photon", "acme"),
            new StepInRequested("customer", T0.AddHours(4)), new ComplaintTakenOver("acme", S, TakeOverCause.CustomerAsked, T0.AddHours(4))]);
        yield return ("the store steps in, then hands it back and forth again", [.. Walk(S, "acme", "photon"),
            new ComplaintTakenOver("photon", S, TakeOverCause.AcknowledgementMissed, T0.AddHours(30)), Hand(S, "photon", 31), Hand("photon", S, 32),
            new StepInRequested("customer", T0.AddHours(33))]);
        yield return ("step-in asked with nothing flagged, and across a reopen", [.. Walk(S, "acme"), new StepInRequested("customer", T0.AddHours(2)),
            Resolved("acme", T0.AddHours(3)), new ComplaintReopened(S, "Again", T0.AddHours(4)), new StepInRequested("customer", T0.AddHours(5))]);
        var asked = new EvidenceRequested(Guid.Parse("0b6e3c52-2b1f-4d1a-9c1e-5f1d2a3b4c5d"), "acme", "Refund disputed", "The refund records", T0.AddHours(14), S, T0.AddHours(2));
        yield return ("evidence asked of acme and missed", [.. Walk(S, "acme"), asked, new EvidenceDeadlineMissed(asked.RequestId, "acme", asked.Due, T0.AddHours(15))]);
        yield return ("operator assignment back", [Filed(), new ComplaintAssigned("acme", S, T0.AddHours(1)), Hand("acme", "photon", 2), new ComplaintAssigned("acme", S, T0.AddHours(3))]);
    }

    private static IReadOnlyList<IComplaintEvent> Walk(params string[] holders) =>
        [Filed(), .. holders.Skip(1).Select((to, i) => Hand(holders[i], to, i + 1))];

    private static ComplaintHandedOff Hand(string from, string to, double hours, params string[] evidence) =>
        new(from, to, HandoffReason.NeedsVendorFix, null, evidence, T0.AddHours(hours));
}
