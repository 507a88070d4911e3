using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Liability;

/// <summary>
/// Default judgment (docs/liability.md#default-judgment): a holder that lets its resolution deadline pass on an escalated
/// complaint, or a party that misses an evidence due time, is found liable; the store resolves and charges it. Judged through
/// the one decider, as the scheduler fires it; what-if counts the same judgments over a history.
/// </summary>
public sealed class DefaultJudgmentTests
{
    private static readonly Money Claim = new(19.99m, "EUR");
    private static readonly Deadline Acknowledgement = new(DeadlineKind.FirstResponse, "acme", 2, T0.AddHours(24));
    private static readonly Deadline Resolution = new(DeadlineKind.Resolution, "acme", 2, T0.AddHours(120));
    private static readonly DateTimeOffset Now = T0.AddHours(121);
    private static readonly Policy Judges = Policy.Default with { DefaultJudgment = new DefaultJudgmentSettings(Enabled: true, RemedyKind.Refund) };

    private static ComplaintFiled FiledWithClaim(Money? claim) => Filed() with { Claim = claim };

    /// <summary>Acme holds the complaint and let its acknowledgement deadline pass: flagged and escalated (the default policy), still acme's.</summary>
    private static Complaint Escalated()
    {
        var held = Given(FiledWithClaim(Claim), HandedOff(Party.StoreId, "acme"));
        return RuleEngine.JudgeDeadline(held, Acknowledgement, Policy.Default, Registered, T0.AddHours(25)).Aggregate(held, (c, e) => Complaint.Evolve(c, e)!);
    }

    private static JudgedDecision Fire(Complaint complaint, Deadline deadline, Policy policy, DateTimeOffset now) =>
        ComplaintDecider.DecideAndJudge(complaint, new JudgeDueDeadline(deadline),
            new DecisionContext(new Actor(RuleEngine.Actor, ActorKind.Operator), Registered, policy, now, TimeSpan.FromDays(30)));

    [Test]
    public void Off_by_default_a_missed_resolution_of_an_escalated_complaint_only_flags()
    {
        var judged = Fire(Escalated(), Resolution, Policy.Default, Now);
        Assert.That(judged.Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[] { typeof(FlagRaised) }));
        Assert.That(judged.Steps[^1].After.Status, Is.EqualTo(ComplaintStatus.Open));
    }

    [Test]
    public void On_the_store_resolves_against_the_holder_and_charges_it_the_claim_whole()
    {
        var escalated = Escalated();
        var judged = Fire(escalated, Resolution, Judges, Now);

        Assert.That(judged.Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[] { typeof(FlagRaised), typeof(ComplaintResolved), typeof(ChargeCreated) }));
        var resolved = (ComplaintResolved)judged.Steps[1].Event;
        Assert.That((resolved.By, resolved.LiableParty, resolved.RootCause, resolved.At, resolved.Judgment), Is.EqualTo(
            (Party.StoreId, "acme", RootCause.Unknown, Now, new DefaultJudgment("acme", JudgmentCause.ResolutionMissed, Resolution.DueAt))));
        Assert.That((resolved.Terms!.Kind, resolved.Terms.Amount, resolved.Terms.Bearers), Is.EqualTo((RemedyKind.Refund, Claim, new[] { new Share("acme", 10_000) })));
        Assert.That(resolved.Remedy, Is.EqualTo(
            "Default judgment: Acme Apps did not resolve the escalated complaint by its deadline, 2026-03-07 09:00 UTC; the store resolved it on its behalf."));
        Assert.That(judged.Steps[2].Event, Is.EqualTo(new ChargeCreated(Charge.IdFor(Id, 1), "acme", Claim, ChargeCause.Remedy, Party.StoreId, Now)));
        var after = judged.Steps[^1].After;
        Assert.That((after.Status, after.Holder, after.Charges.Single().Party), Is.EqualTo((ComplaintStatus.Resolved, "acme", "acme")));
    }

    [Test]
    public void Without_a_claim_the_policys_default_claim_is_charged_and_without_either_the_holder_is_found_liable_for_nothing()
    {
        var withDefault = Fire(Escalated() with { Claim = null }, Resolution, Judges with { DefaultClaim = new Money(5000m, "JPY") }, Now);
        Assert.That(withDefault.Steps.Select(s => s.Event).OfType<ChargeCreated>().Single().Amount, Is.EqualTo(new Money(5000m, "JPY")));

        var none = Fire(Escalated() with { Claim = null }, Resolution, Judges, Now);
        Assert.That(none.Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[] { typeof(FlagRaised), typeof(ComplaintResolved) }));
        Assert.That(((ComplaintResolved)none.Steps[1].Event).Terms!.Amount, Is.Null);

        var kindNone = Fire(Escalated(), Resolution, Judges with { DefaultJudgment = new DefaultJudgmentSettings(true, RemedyKind.None) }, Now);
        Assert.That(kindNone.Steps.Select(s => s.Event).OfType<ChargeCreated>(), Is.Empty, "a remedy of kind None charges nothing");
    }

    [Test]
    public void No_judgment_when_the_miss_itself_escalates_the_store_holds_or_the_holder_resolved_in_time()
    {
        var acknowledged = Given(FiledWithClaim(Claim), HandedOff(Party.StoreId, "acme"), new ComplaintAcknowledged("acme", T0.AddHours(1)));
        var unescalated = Fire(acknowledged, Resolution, Judges, Now);
        Assert.That(unescalated.Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[] { typeof(FlagRaised), typeof(ComplaintEscalated) }),
            "escalated by this very miss: the holder had no notice");

        var storeHeld = Complaint.Evolve(Escalated(), new ComplaintAssigned(Party.StoreId, Party.StoreId, T0.AddHours(26)))!;
        var storesDeadline = new Deadline(DeadlineKind.Resolution, Party.StoreId, storeHeld.HoldStartVersion, T0.AddHours(26 + 72));
        Assert.That(Fire(storeHeld, storesDeadline, Judges, T0.AddHours(99)).Steps.Select(s => s.Event), Has.None.InstanceOf<ComplaintResolved>(),
            "the store is never judged by default");

        var resolvedInTime = Complaint.Evolve(Escalated(), new ComplaintResolved("acme", RootCause.ProductDefect, "acme", "Patched", T0.AddHours(100)))!;
        Assert.That(Fire(resolvedInTime, Resolution, Judges, Now).Steps, Is.Empty);
    }

    [Test]
    public void A_missed_evidence_due_time_decides_liability_only_when_the_policy_says_so()
    {
        var ask = Guid.Parse("5d8f1c7e-6a2b-4c3d-8e9f-0a1b2c3d4e5f");
        var due = T0.AddHours(12);
        var asked = Given(FiledWithClaim(Claim), HandedOff(Party.StoreId, "acme"),
            new EvidenceRequested(ask, "acme", "The refund never came.", "The refund records", due, Party.StoreId, T0));
        var deadline = new Deadline(DeadlineKind.Evidence, "acme", 3, due);
        var decides = Policy.Default with { EvidenceMissed = EvidenceMissedSettings.Default with { MissedDecidesLiability = true } };

        Assert.That(Fire(asked, deadline, Policy.Default, due).Steps.Select(s => s.Event.GetType()),
            Is.EqualTo(new[] { typeof(EvidenceDeadlineMissed), typeof(FlagRaised) }), "off by default");
        var judged = Fire(asked, deadline, decides, due);
        Assert.That(judged.Steps.Select(s => s.Event.GetType()),
            Is.EqualTo(new[] { typeof(EvidenceDeadlineMissed), typeof(FlagRaised), typeof(ComplaintResolved), typeof(ChargeCreated) }));
        Assert.That(((ComplaintResolved)judged.Steps[2].Event).Judgment, Is.EqualTo(new DefaultJudgment("acme", JudgmentCause.EvidenceMissed, due)));
        Assert.That(((ChargeCreated)judged.Steps[3].Event).Amount, Is.EqualTo(Claim));
        Assert.That(Fire(asked, deadline, decides with { EvidenceMissed = decides.EvidenceMissed with { Enabled = false } }, due).Steps.Select(s => s.Event),
            Has.None.InstanceOf<ComplaintResolved>(), "the rule off: no flag, no judgment");
    }

    [Test]
    public void What_if_counts_the_first_judgment_of_each_history_and_totals_them_per_party_cause_and_currency()
    {
        IComplaintEvent[] Silent(Money? claim) => [FiledWithClaim(claim), HandedOff(Party.StoreId, "acme")];
        var until = T0.AddDays(30);
        var histories = new[] { Silent(Claim), Silent(new Money(0.01m, "EUR")), Silent(new Money(300m, "JPY")), Silent(null) };

        Assert.That(histories.SelectMany(h => Replay.Judgments(h, Policy.Default, Registered, until)), Is.Empty, "off by default");
        var judged = histories.SelectMany(h => Replay.Judgments(h, Judges, Registered, until)).ToList();
        Assert.That(judged.Select(j => j.Judgment), Is.All.EqualTo(new DefaultJudgment("acme", JudgmentCause.ResolutionMissed, Resolution.DueAt)),
            "one each: acme's resolution deadline, after its missed acknowledgement escalated it; the later deadlines of the resolved complaint do not count");
        var total = DefaultJudgments.Totals(judged).Single();
        Assert.That((total.Party, total.Cause, total.Count), Is.EqualTo(("acme", JudgmentCause.ResolutionMissed, 4)));
        Assert.That(total.Charged, Is.EqualTo(new Dictionary<string, decimal> { ["EUR"] = 20.00m, ["JPY"] = 300m }));

        var recorded = Fire(Escalated(), Resolution, Judges, Now).Steps.Select(s => s.Event);
        Assert.That(DefaultJudgments.Recorded(recorded).Single(), Is.EqualTo(new JudgedByDefault(new DefaultJudgment("acme", JudgmentCause.ResolutionMissed, Resolution.DueAt), Claim)));
    }

    [Test]
    public void What_if_counts_a_missed_evidence_due_time_when_the_candidate_lets_it_decide()
    {
        var ask = Guid.Parse("5d8f1c7e-6a2b-4c3d-8e9f-0a1b2c3d4e5f");
        var due = T0.AddHours(12);
        IComplaintEvent[] history =
        [
            FiledWithClaim(Claim), HandedOff(Party.StoreId, "acme"), new ComplaintAcknowledged("acme", T0.AddHours(1)),
            new EvidenceRequested(ask, "acme", "The refund never came.", "The refund records", due, Party.StoreId, T0.AddHours(2)),
            new EvidenceDeadlineMissed(ask, "acme", due, due),
            new ComplaintResolved("acme", RootCause.ProductDefect, "acme", "Patched", T0.AddHours(20)),
        ];
        var decides = Policy.Default with { EvidenceMissed = EvidenceMissedSettings.Default with { MissedDecidesLiability = true } };

        Assert.That(Replay.Judgments(history, Policy.Default, Registered, T0.AddDays(30)), Is.Empty);
        Assert.That(Replay.Judgments(history, decides, Registered, T0.AddDays(30)), Is.EqualTo(new[]
            { new JudgedByDefault(new DefaultJudgment("acme", JudgmentCause.EvidenceMissed, due), Claim) }));
    }

    [Test]
    public void The_policys_settings_are_checked_each_naming_its_field()
    {
        Assert.That(Judges.Problems(), Is.Empty);
        Assert.That((Judges with { DefaultJudgment = null! }).Problems().Keys, Is.EqualTo(new[] { "defaultJudgment" }));
        Assert.That((Judges with { DefaultJudgment = new DefaultJudgmentSettings(true, (RemedyKind)99) }).Problems().Keys, Is.EqualTo(new[] { "defaultJudgment.remedyKind" }));
        Assert.That((Policy.Default.DefaultJudgment, Policy.Default.EvidenceMissed.MissedDecidesLiability), Is.EqualTo((new DefaultJudgmentSettings(false, RemedyKind.Refund), false)));
    }
}
