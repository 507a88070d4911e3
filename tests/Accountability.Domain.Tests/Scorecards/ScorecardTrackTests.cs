using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Scorecards;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Scorecards;

public sealed class ScorecardTrackTests
{
    /// <summary>Every fact these events prove, in order, as (kind, party, value).</summary>
    private static List<(string Kind, string Party, double? Value)> FactsOf(params IComplaintEvent[] events)
    {
        ScorecardTrack? track = null;
        var facts = new List<(string, string, double?)>();
        for (var i = 0; i < events.Length; i++)
        {
            (track, var proved, _) = ScorecardTrack.Evolve(track, events[i], i + 1);
            facts.AddRange(proved.Select(f => (f.Kind, f.Party, f.Value)));
        }
        return facts;
    }

    [Test]
    public void A_handoff_that_comes_back_to_the_party_that_made_it_bounces_back_and_the_party_receives_the_complaint_once()
    {
        var facts = FactsOf(Filed(T0), HandedOff(Party.StoreId, "acme", T0.AddHours(1)), HandedOff("acme", Party.StoreId, T0.AddHours(4)));
        Assert.That(facts.Count(f => f.Kind == FactKinds.BouncedBack && f.Party == Party.StoreId), Is.EqualTo(1));
        Assert.That(facts.Count(f => f.Kind == FactKinds.BouncedBack && f.Party == "acme"), Is.Zero);
        Assert.That(facts.Count(f => f.Kind == FactKinds.Received && f.Party == Party.StoreId), Is.EqualTo(1));
        Assert.That(facts.Where(f => f.Kind == FactKinds.HoldEnded).Select(f => (f.Party, f.Value)),
            Is.EqualTo(new[] { (Party.StoreId, (double?)3600), ("acme", 3 * 3600) }));
    }

    [Test]
    public void Times_to_acknowledge_and_resolve_run_from_the_start_of_the_holders_hold()
    {
        var facts = FactsOf(Filed(T0), HandedOff(Party.StoreId, "acme", T0.AddHours(1)),
            new ComplaintAcknowledged("acme", T0.AddHours(3)), new ComplaintAcknowledged("acme", T0.AddHours(4)), Resolved("acme", T0.AddHours(9)));
        Assert.That(facts.Where(f => f.Kind is FactKinds.Acknowledged or FactKinds.Resolved).Select(f => (f.Kind, f.Party, f.Value)),
            Is.EqualTo(new[] { (FactKinds.Acknowledged, "acme", (double?)2 * 3600), (FactKinds.Resolved, "acme", 8 * 3600) }));
    }

    [Test]
    public void A_reopened_resolution_counts_against_the_resolver_once_and_starts_a_new_hold()
    {
        var facts = FactsOf(Filed(T0), HandedOff(Party.StoreId, "acme", T0), Resolved("acme", T0.AddHours(2)),
            new ComplaintReopened(Party.StoreId, "Still broken", T0.AddHours(5)), new ComplaintReopened(Party.StoreId, "Again", T0.AddHours(6)),
            new ComplaintAcknowledged("acme", T0.AddHours(7)));
        Assert.That(facts.Count(f => f.Kind == FactKinds.ResolutionReopened && f.Party == "acme"), Is.EqualTo(1));
        Assert.That(facts.Single(f => f.Kind == FactKinds.Acknowledged).Value, Is.EqualTo(3600), "from the second reopening");
    }

    [Test]
    public void A_default_judgments_resolution_is_the_stores_with_no_time_and_the_silent_holder_is_found_liable_and_charged_but_resolves_nothing()
    {
        var judgedAt = T0.AddHours(5);
        ScorecardTrack? track = null;
        var facts = new List<ScorecardFact>();
        IComplaintEvent[] events =
        [
            Filed(T0), HandedOff(Party.StoreId, "acme", T0),
            new ComplaintResolved(Party.StoreId, RootCause.Unknown, "acme", "Default judgment: Acme did not resolve it.", judgedAt,
                Judgment: new Domain.Liability.DefaultJudgment("acme", Domain.Liability.JudgmentCause.ResolutionMissed, T0.AddHours(4))),
            new ChargeCreated(Guid.NewGuid(), "acme", new Domain.Liability.Money(10m, "EUR"), Domain.Liability.ChargeCause.Remedy, Party.StoreId, judgedAt),
            new ComplaintReopened(Party.CustomerId, "Still broken", T0.AddHours(6)),
        ];
        for (var i = 0; i < events.Length; i++)
        {
            (track, var proved, _) = ScorecardTrack.Evolve(track, events[i], i + 1);
            facts.AddRange(proved);
        }

        Assert.That(facts.Where(f => f.Kind is FactKinds.Resolved or FactKinds.ResolutionReopened).Select(f => (f.Kind, f.Party, f.Value, f.Liable)),
            Is.EqualTo(new[] { (FactKinds.Resolved, Party.StoreId, (double?)null, (string?)"acme"), (FactKinds.ResolutionReopened, Party.StoreId, null, null) }));
        Assert.That(facts.Where(f => f.Party == "acme").Select(f => f.Kind),
            Is.EqualTo(new[] { FactKinds.Received, FactKinds.FoundLiable, FactKinds.HoldEnded, FactKinds.MoneyCharged }));
        Assert.That(facts.First(f => f.Kind == FactKinds.HoldEnded && f.Party == "acme").Value, Is.EqualTo(5 * 3600), "the silent holder held it until the judgment");
    }

    [Test]
    public void A_flag_recorded_before_flags_named_whom_they_charge_is_counted_apart_against_whoever_acted_last()
    {
        var facts = FactsOf(Filed(T0), HandedOff(Party.StoreId, "acme", T0),
            new CustomerRedirected("photon", "acme", null, T0.AddHours(1)),
            new FlagRaised(RuleIds.CustomerDeflection, Severity.High, [3], "Deflected.", 1, T0.AddHours(1)),
            new ComplaintEscalated(RuleIds.CustomerDeflection, "Deflected.", T0.AddHours(1)),
            new FlagRaised(RuleIds.StalledHolder, Severity.Medium, [2], "Late.", 1, T0.AddHours(30)));
        Assert.That(facts.Where(f => f.Kind == FactKinds.Flagged).Select(f => f.Party), Is.EqualTo(new[] { "photon", "acme" }));
        Assert.That(facts.Where(f => f.Kind == FactKinds.Uncharged).Select(f => f.Party), Is.EqualTo(new[] { "photon", "acme" }));
        Assert.That(facts.Where(f => f.Kind == FactKinds.Charged), Is.Empty);
    }

    [Test]
    public void A_flag_counts_against_each_party_it_charges_and_a_flag_it_grows_into_withdraws_those_charges()
    {
        var facts = FactsOf(Filed(T0), HandedOff(Party.StoreId, "acme", T0), HandedOff("acme", Party.StoreId, T0.AddHours(1)),
            new FlagRaised(RuleIds.Bounce, Severity.Medium, [2, 3], "Bounced.", 1, T0.AddHours(1), ["acme"]),
            HandedOff(Party.StoreId, "acme", T0.AddHours(2)),
            new FlagRaised(RuleIds.PingPong, Severity.High, [2, 3, 5], "Back and forth.", 1, T0.AddHours(2), ["acme", Party.StoreId], [4]));

        Assert.That(facts.Where(f => f.Kind == FactKinds.Charged).Select(f => f.Party), Is.EqualTo(new[] { "acme", "acme", Party.StoreId }));
        Assert.That(facts.Where(f => f.Kind == FactKinds.ChargeSuperseded).Select(f => f.Party), Is.EqualTo(new[] { "acme" }));
        Assert.That(facts.Count(f => f.Kind == FactKinds.Flagged) - facts.Count(f => f.Kind == FactKinds.FlagSuperseded), Is.EqualTo(1));
        Assert.That(facts.Where(f => f.Kind == FactKinds.Uncharged), Is.Empty);
    }

    [Test]
    public void A_withdrawn_flag_takes_back_its_counts_against_the_same_parties_dated_as_the_flag()
    {
        var flaggedAt = T0.AddHours(1);
        ScorecardTrack? track = null;
        var facts = new List<ScorecardFact>();
        IComplaintEvent[] events =
        [
            Filed(T0), HandedOff(Party.StoreId, "acme", T0), HandedOff("acme", Party.StoreId, flaggedAt),
            new FlagRaised(RuleIds.Bounce, Severity.Medium, [2, 3], "Bounced.", 1, flaggedAt, ["acme"]),
            new FlagRaised(RuleIds.StalledHolder, Severity.Medium, [3], "Late.", 1, flaggedAt),
            new FlagWithdrawn(RuleIds.Bounce, 4, "Re-judged.", 2, T0.AddDays(3)),
            new FlagWithdrawn(RuleIds.StalledHolder, 5, "Re-judged.", 2, T0.AddDays(3)),
        ];
        for (var i = 0; i < events.Length; i++)
        {
            (track, var proved, _) = ScorecardTrack.Evolve(track, events[i], i + 1);
            facts.AddRange(proved);
        }
        var withdrawn = facts.Where(f => f.Kind is FactKinds.FlagWithdrawn or FactKinds.ChargeWithdrawn or FactKinds.UnchargedWithdrawn)
            .Select(f => (f.Kind, f.Version, f.Party, f.At, f.Label));
        Assert.That(withdrawn, Is.EqualTo(new[]
        {
            (FactKinds.FlagWithdrawn, 4L, "acme", flaggedAt, (string?)RuleIds.Bounce), (FactKinds.ChargeWithdrawn, 4L, "acme", flaggedAt, RuleIds.Bounce),
            (FactKinds.FlagWithdrawn, 5L, Party.StoreId, flaggedAt, RuleIds.StalledHolder), (FactKinds.UnchargedWithdrawn, 5L, Party.StoreId, flaggedAt, RuleIds.StalledHolder),
        }));
        Assert.That(track!.ChargedFlags, Is.Empty);
    }

    [Test]
    public void An_overturned_appeal_is_won_and_an_upheld_one_lost_by_the_appellant_dated_as_the_decision_and_counted_once()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var eur = new Domain.Liability.Money(10m, "EUR");
        ScorecardTrack? track = null;
        var facts = new List<ScorecardFact>();
        IComplaintEvent[] events =
        [
            Filed(T0), HandedOff(Party.StoreId, "acme", T0), Resolved("acme", T0.AddHours(1)),
            new ChargeCreated(first, "acme", eur, Domain.Liability.ChargeCause.Remedy, "acme", T0.AddHours(1)),
            new ChargeCreated(second, "photon", eur, Domain.Liability.ChargeCause.Remedy, "acme", T0.AddHours(1)),
            new ChargeAppealed(first, "acme", "Not ours", [], T0.AddHours(2)),
            new ChargeAppealed(second, "photon", "Not ours either", [], T0.AddHours(2)),
            new AppealDecided(first, Domain.Liability.AppealOutcome.Overturned, "Right", Party.StoreId, T0.AddHours(3)),
            new ChargeReversed(first, "Right", Party.StoreId, T0.AddHours(3)),
            new AppealDecided(second, Domain.Liability.AppealOutcome.Upheld, "Wrong", Party.StoreId, T0.AddHours(4)),
            new AppealDecided(second, Domain.Liability.AppealOutcome.Upheld, "Replayed", Party.StoreId, T0.AddHours(5)),
        ];
        for (var i = 0; i < events.Length; i++)
        {
            (track, var proved, _) = ScorecardTrack.Evolve(track, events[i], i + 1);
            facts.AddRange(proved);
        }
        Assert.That(facts.Where(f => f.Kind is FactKinds.AppealWon or FactKinds.AppealLost).Select(f => (f.Kind, f.Party, f.At, f.Version)),
            Is.EqualTo(new[] { (FactKinds.AppealWon, "acme", T0.AddHours(3), 8L), (FactKinds.AppealLost, "photon", T0.AddHours(4), 10L) }));
        Assert.That(track!.OpenAppeals, Is.Empty);
    }

    [Test]
    public void Events_before_the_filing_prove_nothing()
    {
        var (track, facts, holds) = ScorecardTrack.Evolve(null, new ComplaintAcknowledged("acme", T0), 1);
        Assert.That((track, facts.Count, holds.Count), Is.EqualTo(((ScorecardTrack?)null, 0, 0)));
    }
}
