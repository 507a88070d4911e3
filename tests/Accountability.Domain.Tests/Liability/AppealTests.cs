using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Webhooks;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Liability;

public sealed class AppealTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(Policy.DefaultAppealWindowDays);

    private static readonly ResolveComplaint Refund = new(RootCause.ProductDefect, "acme", "Refunded the order",
        new RemedyTerms(RemedyKind.Refund, new Money(19.99m, "EUR")));

    private static readonly IComplaintEvent[] History =
        [Filed(), HandedOff(Party.StoreId, "acme"), .. ComplaintDecisions.Resolve(HeldByAcme(), Refund, Acme, Registered, T0).Events];

    private static readonly Guid ChargeId = Charge.IdFor(Id, 1);

    private static readonly AppealCharge Appeal = new(ChargeId, "The crash came from the store's updater", ["log-77"]);

    private static Complaint Charged(params IComplaintEvent[] more) => Given([.. History, .. more]);

    private static Decision AppealAt(Complaint state, DateTimeOffset now, AppealCharge? appeal = null, Actor? actor = null) =>
        AppealDecisions.Appeal(state, appeal ?? Appeal, actor ?? Acme, Registered, Window, now);

    private static ChargeAppealed Appealed(DateTimeOffset? at = null) => new(ChargeId, "acme", Appeal.Statement, Appeal.Evidence, at ?? T0.AddDays(1));

    private static Decision DecideAt(Complaint state, DecideAppeal decision, Actor? actor = null) =>
        AppealDecisions.Decide(state, decision, actor ?? Operator, Registered, T0.AddDays(2));

    [Test]
    public void The_charged_party_appeals_up_to_the_windows_last_moment_and_not_after()
    {
        var onTheEdge = AppealAt(Charged(), T0 + Window);
        Assert.That(onTheEdge.Events, Is.EqualTo(new[] { new ChargeAppealed(ChargeId, "acme", Appeal.Statement, Appeal.Evidence, T0 + Window) }));
        AppealAt(Charged(), T0 + Window + TimeSpan.FromSeconds(1)).ShouldRefuse(RefusalCode.AppealWindowClosed);
        var shortWindow = AppealDecisions.Appeal(Charged(), Appeal, Acme, Registered, TimeSpan.FromDays(7), T0.AddDays(8));
        Assert.That(shortWindow.Refusal!.Detail, Does.Contain("within 7 days"));
    }

    [Test]
    public void The_complaint_shows_the_open_appeal_on_its_charge()
    {
        var appeal = Charged(Appealed()).Charges[0].Appeal!;
        Assert.That((appeal.State, appeal.Statement, appeal.Evidence, appeal.At, appeal.Decision),
            Is.EqualTo((AppealState.Open, Appeal.Statement, Appeal.Evidence, T0.AddDays(1), (AppealDecision?)null)));
    }

    [Test]
    public void An_appeal_is_refused_for_a_stranger_the_operator_an_unknown_or_reversed_charge_a_second_appeal_and_no_statement()
    {
        AppealAt(Charged(), T0.AddDays(1), actor: Photon).ShouldRefuse(RefusalCode.NotTheChargedParty);
        AppealAt(Charged(), T0.AddDays(1), actor: Operator).ShouldRefuse(RefusalCode.NotTheChargedParty);
        AppealAt(Charged(), T0.AddDays(1), Appeal with { ChargeId = Guid.NewGuid() }).ShouldRefuse(RefusalCode.UnknownCharge);
        AppealAt(Charged(new ChargeReversed(ChargeId, "Goodwill", Party.StoreId, T0)), T0.AddDays(1)).ShouldRefuse(RefusalCode.ChargeAlreadyReversed);
        AppealAt(Charged(Appealed()), T0.AddDays(1)).ShouldRefuse(RefusalCode.AppealAlreadyMade);
        var decided = Charged(Appealed(), new AppealDecided(ChargeId, AppealOutcome.Upheld, "Logs show the vendor's crash", Party.StoreId, T0.AddDays(2)));
        Assert.That(AppealAt(decided, T0.AddDays(3)).Refusal, Is.EqualTo(new Refusal(RefusalCode.AppealAlreadyMade,
            "This charge was appealed on 2026-03-03 and the appeal was upheld on 2026-03-04; a charge is appealed once.")));
        AppealAt(Charged(), T0.AddDays(1), Appeal with { Statement = "  " }).ShouldRefuse(RefusalCode.StatementMissing);
    }

    [Test]
    public void Upheld_the_charge_stands_and_the_appeal_shows_the_decision()
    {
        var decision = DecideAt(Charged(Appealed()), new DecideAppeal(ChargeId, AppealOutcome.Upheld, "Logs show the vendor's crash"));
        Assert.That(decision.Events, Is.EqualTo(new[] { new AppealDecided(ChargeId, AppealOutcome.Upheld, "Logs show the vendor's crash", Party.StoreId, T0.AddDays(2)) }));
        var charge = Charged([Appealed(), .. decision.Events]).Charges.Single();
        Assert.That((charge.Reversal, charge.Appeal!.State, charge.Appeal.Decision!.Reason), Is.EqualTo(((ChargeReversal?)null, AppealState.Upheld, "Logs show the vendor's crash")));
    }

    [Test]
    public void Overturned_the_charge_is_reversed_and_a_replacement_charges_the_new_party_in_the_same_write()
    {
        var replacement = new ChargeReplacement("photon", new Money(19.99m, "EUR"));
        var events = DecideAt(Charged(Appealed()), new DecideAppeal(ChargeId, AppealOutcome.Overturned, "Photon's driver crashed it", replacement)).Events;
        var at = T0.AddDays(2);
        Assert.That(events, Is.EqualTo(new IComplaintEvent[]
        {
            new AppealDecided(ChargeId, AppealOutcome.Overturned, "Photon's driver crashed it", Party.StoreId, at),
            new ChargeReversed(ChargeId, "Photon's driver crashed it", Party.StoreId, at),
            new ChargeCreated(Charge.IdFor(Id, 2), "photon", new Money(19.99m, "EUR"), ChargeCause.Correction, Party.StoreId, at, ChargeId),
        }));
        var after = Charged([Appealed(), .. events]);
        Assert.That((after.Charges[0].Appeal!.State, after.Charges[0].Reversal!.Reason, after.Charges[1].Party, after.Charges[1].Replaces),
            Is.EqualTo((AppealState.Overturned, "Photon's driver crashed it", "photon", (Guid?)ChargeId)));
        var alone = DecideAt(Charged(Appealed()), new DecideAppeal(ChargeId, AppealOutcome.Overturned, "Goodwill")).Events;
        Assert.That(alone.Select(e => e.GetType()), Is.EqualTo(new[] { typeof(AppealDecided), typeof(ChargeReversed) }));
    }

    [Test]
    public void A_decision_is_refused_for_a_vendor_without_an_open_appeal_without_a_reason_or_with_a_replacement_it_cannot_make()
    {
        var upheld = new DecideAppeal(ChargeId, AppealOutcome.Upheld, "Logs show the vendor's crash");
        DecideAt(Charged(Appealed()), upheld, Acme).ShouldRefuse(RefusalCode.OperatorOnly);
        DecideAt(Charged(Appealed()), upheld with { ChargeId = Guid.NewGuid() }).ShouldRefuse(RefusalCode.UnknownCharge);
        DecideAt(Charged(), upheld).ShouldRefuse(RefusalCode.NoOpenAppeal);
        DecideAt(Charged(Appealed(), new AppealDecided(ChargeId, AppealOutcome.Upheld, "x", Party.StoreId, T0.AddDays(1))), upheld).ShouldRefuse(RefusalCode.NoOpenAppeal);
        DecideAt(Charged(Appealed()), upheld with { Reason = "" }).ShouldRefuse(RefusalCode.ReasonMissing);
        var replacement = new ChargeReplacement("photon", new Money(5m, "EUR"));
        DecideAt(Charged(Appealed()), upheld with { Replacement = replacement }).ShouldRefuse(RefusalCode.ReplacementNeedsOverturn);
        var overturned = upheld with { Outcome = AppealOutcome.Overturned };
        DecideAt(Charged(Appealed()), overturned with { Replacement = replacement with { Party = "nobody" } }).ShouldRefuse(RefusalCode.UnknownParty);
        var reversedMeanwhile = Charged(Appealed(), new ChargeReversed(ChargeId, "Goodwill", Party.StoreId, T0.AddDays(1)));
        DecideAt(reversedMeanwhile, overturned with { Replacement = replacement }).ShouldRefuse(RefusalCode.ChargeAlreadyReversed);
        Assert.That(DecideAt(reversedMeanwhile, overturned).Events, Is.EqualTo(new[] { new AppealDecided(ChargeId, AppealOutcome.Overturned, upheld.Reason, Party.StoreId, T0.AddDays(2)) }));
    }

    [Test]
    public void An_appeal_is_told_to_the_store_and_its_decision_to_the_party_that_appealed_and_the_store()
    {
        var appealed = Appealed();
        Assert.That(ComplaintNotices.Of(Charged(), appealed, Charged(appealed)), Is.EqualTo(new[] { new Notice(NoticeKind.AppealOpened, Party.StoreId) }));
        var decided = new AppealDecided(ChargeId, AppealOutcome.Upheld, "Logs show the vendor's crash", Party.StoreId, T0.AddDays(2));
        Assert.That(ComplaintNotices.Of(Charged(appealed), decided, Charged(appealed, decided)),
            Is.EqualTo(new[] { new Notice(NoticeKind.AppealDecided, "acme"), new Notice(NoticeKind.AppealDecided, Party.StoreId) }));
        Assert.That((ComplaintNotices.Reason(appealed, []), ComplaintNotices.Reason(decided, [])), Is.EqualTo((Appeal.Statement, decided.Reason)));
    }

    [Test]
    public void The_policy_keeps_the_appeal_window_between_one_day_and_a_year()
    {
        Assert.That(Policy.Default.AppealWindowDays, Is.EqualTo(30));
        Assert.That((Policy.Default with { AppealWindowDays = 0 }).Problems().Keys, Is.EqualTo(new[] { "appealWindowDays" }));
        Assert.That((Policy.Default with { AppealWindowDays = 365 }).Problems(), Is.Empty);
    }
}
