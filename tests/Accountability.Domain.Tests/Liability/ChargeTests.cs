using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using Accountability.Domain.Webhooks;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Liability;

public sealed class ChargeTests
{
    private static readonly ResolveComplaint Refund = new(RootCause.ProductDefect, "acme", "Refunded the order",
        new RemedyTerms(RemedyKind.Refund, new Money(19.99m, "EUR")));

    private static ResolveComplaint Split7030 => Refund with { Terms = Refund.Terms! with { Bearers = [new("acme", 7000), new(Party.StoreId, 3000)] } };

    [Test]
    public void A_remedy_with_money_charges_the_liable_party_the_whole_amount()
    {
        var events = ComplaintDecisions.Resolve(HeldByAcme(), Refund, Acme, Registered, T0).Events;
        Assert.That(events[0], Is.InstanceOf<ComplaintResolved>().With.Property(nameof(ComplaintResolved.Terms)).EqualTo(Refund.Terms));
        var charge = (ChargeCreated)events[1];
        Assert.That((events.Count, charge.Party, charge.Amount, charge.Cause, charge.By, charge.At, charge.ChargeId),
            Is.EqualTo((2, "acme", new Money(19.99m, "EUR"), ChargeCause.Remedy, "acme", T0, Charge.IdFor(Id, 1))));
    }

    [Test]
    public void A_split_charges_each_bearer_its_part_and_the_parts_add_up_to_the_amount()
    {
        var charges = ComplaintDecisions.Resolve(HeldByAcme(), Split7030, Acme, Registered, T0).Events.OfType<ChargeCreated>().ToList();
        // 19.99 by 70/30: exact 13.993 and 5.997; floors 13.99 and 5.99 leave one cent, for the larger remainder (5.997).
        Assert.That(charges.Select(c => (c.Party, c.Amount.Amount)), Is.EqualTo(new[] { ("acme", 13.99m), (Party.StoreId, 6.00m) }));
        Assert.That(charges.Select(c => c.ChargeId), Is.EqualTo(new[] { Charge.IdFor(Id, 1), Charge.IdFor(Id, 2) }));
    }

    [Test]
    public void The_old_resolution_and_a_remedy_that_cost_nothing_charge_nobody()
    {
        Assert.That(ComplaintDecisions.Resolve(HeldByAcme(), Refund with { Terms = null }, Acme, Registered, T0).Events, Has.Count.EqualTo(1));
        var repair = Refund with { Terms = new RemedyTerms(RemedyKind.Repair, new Money(0m, "EUR")) };
        Assert.That(ComplaintDecisions.Resolve(HeldByAcme(), repair, Acme, Registered, T0).Events, Has.Count.EqualTo(1));
    }

    [TestCase(-1, "EUR", RefusalCode.InvalidAmount)]
    [TestCase(1.001, "EUR", RefusalCode.InvalidAmount)]
    [TestCase(1, "XYZ", RefusalCode.InvalidAmount)]
    public void A_bad_amount_is_refused(decimal amount, string currency, RefusalCode code) =>
        ComplaintDecisions.Resolve(HeldByAcme(), Refund with { Terms = new RemedyTerms(RemedyKind.Refund, new Money(amount, currency)) }, Acme, Registered, T0)
            .ShouldRefuse(code);

    [Test]
    public void A_split_that_is_not_the_whole_or_names_a_stranger_is_refused()
    {
        var terms = Split7030.Terms!;
        ComplaintDecisions.Resolve(HeldByAcme(), Refund with { Terms = terms with { Bearers = [new("acme", 7000), new(Party.StoreId, 2000)] } },
            Acme, Registered, T0).ShouldRefuse(RefusalCode.SplitNotWhole);
        ComplaintDecisions.Resolve(HeldByAcme(), Refund with { Terms = terms with { Bearers = [new("acme", 7000), new("nobody", 3000)] } },
            Acme, Registered, T0).ShouldRefuse(RefusalCode.UnknownParty);
    }

    [Test]
    public void The_complaint_keeps_its_charges_and_a_reversal_marks_one_reversed()
    {
        var resolved = Charged();
        Assert.That(resolved.Charges.Select(c => (c.Party, c.Amount.Amount, c.Reversal)), Is.EqualTo(new[] { ("acme", 13.99m, (ChargeReversal?)null), (Party.StoreId, 6.00m, null) }));
        var reversal = ChargeDecisions.Reverse(resolved, new ReverseCharge(resolved.Charges[1].Id, "The store was not at fault"), Operator, Registered, T0.AddDays(1));
        var after = Given([.. Events(resolved), .. reversal.Events]);
        Assert.That(after.Charges[1].Reversal, Is.EqualTo(new ChargeReversal("The store was not at fault", Party.StoreId, T0.AddDays(1))));
        Assert.That(after.Charges[0].Reversal, Is.Null);
    }

    [Test]
    public void A_reversal_may_charge_a_replacement_that_names_the_charge_it_replaces()
    {
        var resolved = Charged();
        var events = ChargeDecisions.Reverse(resolved, new ReverseCharge(resolved.Charges[1].Id, "Photon made the part",
            new ChargeReplacement("photon", new Money(6m, "EUR"))), Operator, Registered, T0).Events;
        var replacement = (ChargeCreated)events[1];
        Assert.That((events[0], replacement.Party, replacement.Amount, replacement.Cause, replacement.Replaces, replacement.ChargeId),
            Is.EqualTo((new ChargeReversed(resolved.Charges[1].Id, "Photon made the part", Party.StoreId, T0), "photon", new Money(6.00m, "EUR"),
                ChargeCause.Correction, (Guid?)resolved.Charges[1].Id, Charge.IdFor(Id, 3))));
    }

    [Test]
    public void Only_the_operator_reverses_a_standing_charge_of_this_complaint()
    {
        var resolved = Charged();
        var id = resolved.Charges[0].Id;
        ChargeDecisions.Reverse(resolved, new ReverseCharge(id, "x"), Acme, Registered, T0).ShouldRefuse(RefusalCode.OperatorOnly);
        ChargeDecisions.Reverse(resolved, new ReverseCharge(Guid.NewGuid(), "x"), Operator, Registered, T0).ShouldRefuse(RefusalCode.UnknownCharge);
        var reversed = Given([.. Events(resolved), new ChargeReversed(id, "x", Party.StoreId, T0)]);
        ChargeDecisions.Reverse(reversed, new ReverseCharge(id, "again"), Operator, Registered, T0).ShouldRefuse(RefusalCode.ChargeAlreadyReversed);
        ChargeDecisions.Reverse(resolved, new ReverseCharge(id, "x", new ChargeReplacement("nobody", new Money(1m, "EUR"))), Operator, Registered, T0)
            .ShouldRefuse(RefusalCode.UnknownParty);
        ChargeDecisions.Reverse(resolved, new ReverseCharge(id, "x", new ChargeReplacement("photon", new Money(-1m, "EUR"))), Operator, Registered, T0)
            .ShouldRefuse(RefusalCode.InvalidAmount);
    }

    [Test]
    public void A_charge_and_its_reversal_are_told_to_the_party_charged_and_to_the_store()
    {
        var before = HeldByAcme();
        var events = ComplaintDecisions.Resolve(before, Split7030, Acme, Registered, T0).Events;
        var resolved = Given([Filed(), HandedOff(Party.StoreId, "acme"), events[0]]);
        var charged = Given([Filed(), HandedOff(Party.StoreId, "acme"), events[0], events[1]]);
        Assert.That(ComplaintNotices.Of(resolved, events[1], charged), Is.EqualTo(new[]
        {
            new Notice(NoticeKind.ChargeCreated, "acme"), new Notice(NoticeKind.ChargeCreated, Party.StoreId),
        }));
        var reversal = new ChargeReversed(charged.Charges[0].Id, "Goodwill", Party.StoreId, T0);
        Assert.That(ComplaintNotices.Of(charged, reversal, Given([Filed(), HandedOff(Party.StoreId, "acme"), events[0], events[1], reversal])),
            Is.EqualTo(new[] { new Notice(NoticeKind.ChargeReversed, "acme"), new Notice(NoticeKind.ChargeReversed, Party.StoreId) }));
        Assert.That(ComplaintNotices.Reason(reversal, []), Is.EqualTo("Goodwill"));
    }

    [Test]
    public void A_claim_comes_from_filing_or_else_from_the_policy()
    {
        var file = new FileComplaint(Id, "cust-1", "Photo Pro", "acme", "crash", "Crashes", Channel.App);
        var policyClaim = new Money(25m, "EUR");
        var claimed = (ComplaintFiled)ComplaintDecisions.File(file with { Claim = new Money(1500m, "JPY") }, Operator, Registered, T0, policyClaim).Events[0];
        var defaulted = (ComplaintFiled)ComplaintDecisions.File(file, Operator, Registered, T0, policyClaim).Events[0];
        Assert.That((Given(claimed).Claim, Given(defaulted).Claim), Is.EqualTo((new Money(1500m, "JPY"), new Money(25.00m, "EUR"))));
        ComplaintDecisions.File(file with { Claim = new Money(10.5m, "JPY") }, Operator, Registered, T0).ShouldRefuse(RefusalCode.InvalidAmount);
    }

    private static IComplaintEvent[] Events(Complaint resolved) => [Filed(), HandedOff(Party.StoreId, "acme"), .. Resolution()];

    [Test]
    public void A_charge_and_what_follows_it_are_the_charged_partys_own_record_and_an_evidence_request_the_asked_partys()
    {
        var charged = Charged();
        var (acmes, stores) = (Charge.IdFor(Id, 1), Charge.IdFor(Id, 2));
        var request = Guid.NewGuid();
        var asked = charged with { EvidenceRequests = [new EvidenceRequest(request, "photon", "why", "logs", T0, T0, 9, EvidenceRequestState.Open)] };
        Assert.Multiple(() =>
        {
            Assert.That(charged.OwnerOf(new ChargeReversed(stores, "wrong", Party.StoreId, T0)), Is.EqualTo(Party.StoreId));
            Assert.That(charged.OwnerOf(new ChargeAppealed(acmes, "acme", "not ours", [], T0)), Is.EqualTo("acme"));
            Assert.That(charged.OwnerOf(new AppealDecided(acmes, AppealOutcome.Upheld, "ours", Party.StoreId, T0)), Is.EqualTo("acme"));
            Assert.That(asked.OwnerOf(new EvidenceSubmitted(request, "photon", ["log-1"], null, T0)), Is.EqualTo("photon"));
            Assert.That(charged.IsReadableBy(Resolution()[1], Acme), Is.True, "its own charge");
            Assert.That(charged.IsReadableBy(Resolution()[2], Acme), Is.False, "the store's charge");
            Assert.That(charged.IsReadableBy(new ChargeReversed(Guid.NewGuid(), "x", Party.StoreId, T0), Acme), Is.False, "an unknown charge");
            Assert.That(charged.IsReadableBy(Resolution()[0], Acme), Is.True, "the resolution is every involved party's to read");
        });
    }

    private static IReadOnlyList<IComplaintEvent> Resolution() => ComplaintDecisions.Resolve(HeldByAcme(), Split7030, Acme, Registered, T0).Events;

    private static Complaint Charged() => Given([Filed(), HandedOff(Party.StoreId, "acme"), .. Resolution()]);
}
