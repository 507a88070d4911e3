using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Webhooks;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Evidence;

/// <summary>The operator asks a party for evidence by a due time; only that party answers, only in time; a miss is recorded and flagged.</summary>
public sealed class EvidenceByDateTests
{
    private static readonly Guid Ask = Guid.Parse("5d8f1c7e-6a2b-4c3d-8e9f-0a1b2c3d4e5f");
    private static readonly DateTimeOffset Due = T0.AddHours(12);

    private static RequestEvidence AskAcme(string party = "acme", DateTimeOffset? dueBy = null) =>
        new(Ask, party, "The customer says the refund never came.", "The refund records", dueBy ?? Due);

    private static EvidenceRequested Asked(DateTimeOffset? at = null) =>
        new(Ask, "acme", "The customer says the refund never came.", "The refund records", Due, Party.StoreId, at ?? T0);

    private static Complaint AskedOfAcme(params IComplaintEvent[] after) => Given([Filed(), HandedOff(Party.StoreId, "acme"), Asked(), .. after]);

    private static Decision Answer(Complaint state, Actor actor, DateTimeOffset now, Guid? request = null) =>
        EvidenceDecisions.Submit(state, new SubmitEvidence(request ?? Ask, ["refund-4411"], null), actor, Registered, now);

    [Test]
    public void The_operator_asks_a_vendor_involved_for_evidence_by_a_due_time_or_within_some_hours() =>
        Assert.Multiple(() =>
        {
            EvidenceDecisions.Request(HeldByAcme(), AskAcme(), Operator, Registered, T0).ShouldEmit<EvidenceRequested>(e => Assert.That(e, Is.EqualTo(Asked())));
            EvidenceDecisions.Request(HeldByAcme(), AskAcme() with { DueBy = null, DueIn = TimeSpan.FromHours(12) }, Operator, Registered, T0)
                .ShouldEmit<EvidenceRequested>(e => Assert.That(e.Due, Is.EqualTo(Due)));
        });

    [Test]
    public void Each_defect_of_a_request_is_refused_and_named()
    {
        var complaint = HeldByAcme();
        Assert.Multiple(() =>
        {
            EvidenceDecisions.Request(complaint, AskAcme(), Acme, Registered, T0).ShouldRefuse(RefusalCode.OperatorOnly);
            EvidenceDecisions.Request(complaint, AskAcme("nobody"), Operator, Registered, T0).ShouldRefuse(RefusalCode.UnknownParty);
            EvidenceDecisions.Request(complaint, AskAcme("photon"), Operator, Registered, T0).ShouldRefuse(RefusalCode.PartyNotInvolved);
            EvidenceDecisions.Request(complaint, AskAcme(Party.StoreId), Operator, Registered, T0).ShouldRefuse(RefusalCode.PartyNotInvolved);
            EvidenceDecisions.Request(complaint, AskAcme(dueBy: T0), Operator, Registered, T0).ShouldRefuse(RefusalCode.DueOutOfRange);
            EvidenceDecisions.Request(complaint, AskAcme(dueBy: T0.AddDays(400)), Operator, Registered, T0).ShouldRefuse(RefusalCode.DueOutOfRange);
            EvidenceDecisions.Request(InStatus(ComplaintStatus.Closed), AskAcme(), Operator, Registered, T0).ShouldRefuse(RefusalCode.ComplaintClosed);
        });
    }

    [Test]
    public void The_vendor_of_the_product_may_be_asked_before_it_ever_held_the_complaint() =>
        EvidenceDecisions.Request(Given(Filed()), AskAcme(), Operator, Registered, T0).ShouldEmit<EvidenceRequested>();

    [Test]
    public void The_asked_party_answers_before_the_due_time_and_the_request_is_answered()
    {
        var answered = Answer(AskedOfAcme(), Acme, Due.AddMinutes(-1));
        answered.ShouldEmit<EvidenceSubmitted>();
        var after = AskedOfAcme(answered.Events[0]);
        Assert.That(after.EvidenceRequests.Single().State, Is.EqualTo(EvidenceRequestState.Answered));
        Assert.That(after.Status, Is.EqualTo(ComplaintStatus.Open), "evidence moves neither the status nor the holder's clock");
    }

    [Test]
    public void Each_defect_of_an_answer_is_refused_and_named() =>
        Assert.Multiple(() =>
        {
            Answer(AskedOfAcme(), Acme, T0.AddHours(1), Guid.NewGuid()).ShouldRefuse(RefusalCode.EvidenceRequestNotFound);
            Answer(AskedOfAcme(), Photon, T0.AddHours(1)).ShouldRefuse(RefusalCode.NotTheAskedParty);
            Answer(AskedOfAcme(), Operator, T0.AddHours(1)).ShouldRefuse(RefusalCode.NotTheAskedParty);
            Answer(AskedOfAcme(), Acme, Due).ShouldRefuse(RefusalCode.EvidenceDeadlinePassed);
            Answer(AskedOfAcme(new EvidenceSubmitted(Ask, "acme", ["x"], null, T0.AddHours(1))), Acme, T0.AddHours(2)).ShouldRefuse(RefusalCode.EvidenceRequestClosed);
            Answer(AskedOfAcme(new EvidenceDeadlineMissed(Ask, "acme", Due, Due)), Acme, T0.AddHours(2)).ShouldRefuse(RefusalCode.EvidenceRequestClosed);
        });

    [Test]
    public void Cancelling_the_complaint_drops_an_open_request_and_its_clock()
    {
        var cancelled = AskedOfAcme(new ComplaintCancelled(Party.StoreId, "Withdrawn", T0.AddHours(1)));
        Assert.That(cancelled.EvidenceRequests.Single().State, Is.EqualTo(EvidenceRequestState.Dropped));
        Assert.That(RunningClock.Of(cancelled, Policy.Default, Registered), Is.Empty);
    }

    [Test]
    public void An_open_request_is_a_running_clock_of_the_asked_party_overdue_after_its_due_time_even_while_the_holder_waits()
    {
        var waiting = AskedOfAcme(new InformationRequested("acme", "Which card?", T0.AddHours(1)));
        var evidence = RunningClock.Of(waiting, Policy.Default, Registered).Single(c => c.Kind == DeadlineKind.Evidence);
        Assert.That((evidence.Holder, evidence.DueAt, evidence.IsPaused, evidence.IsOverdueAt(Due)), Is.EqualTo(("acme", Due, false, true)));
        Assert.That(DeadlineClocks.OfEvidence(waiting).Clocks, Is.EqualTo(new[]
            { new DeadlineClock(new Deadline(DeadlineKind.Evidence, "acme", 3, Due), null, DeadlineState.Pending) }));
    }

    [Test]
    public void A_missed_due_time_is_recorded_flagged_and_charged_to_the_party_asked()
    {
        var now = Due.AddMinutes(5);
        var judged = ComplaintDecider.DecideAndJudge(AskedOfAcme(), new JudgeDueDeadline(new Deadline(DeadlineKind.Evidence, "acme", 3, Due)),
            new DecisionContext(new Actor(RuleEngine.Actor, ActorKind.Operator), Registered, Policy.Default, now, TimeSpan.FromDays(30)));

        Assert.That(judged.Steps.Select(s => s.Event).ToList(), Is.EqualTo(new IComplaintEvent[]
        {
            new EvidenceDeadlineMissed(Ask, "acme", Due, now),
            new FlagRaised(RuleIds.EvidenceMissed, Severity.Medium, [3, 4],
                "Acme Apps did not give the evidence asked for (The refund records) by its due time, 2026-03-02 21:00 UTC.", 1, now, ["acme"]),
        }).Using<IComplaintEvent>(Same));
        Assert.That(judged.Steps[^1].After.EvidenceRequests.Single().State, Is.EqualTo(EvidenceRequestState.Missed));
    }

    [Test]
    public void A_due_time_whose_request_was_answered_or_dropped_records_nothing()
    {
        var deadline = new Deadline(DeadlineKind.Evidence, "acme", 3, Due);
        Assert.Multiple(() =>
        {
            Assert.That(EvidenceDecisions.JudgeDue(AskedOfAcme(new EvidenceSubmitted(Ask, "acme", ["x"], null, T0.AddHours(1))), deadline, Due).Events, Is.Empty);
            Assert.That(EvidenceDecisions.JudgeDue(AskedOfAcme(new ComplaintCancelled(Party.StoreId, "Withdrawn", T0.AddHours(1))), deadline, Due).Events, Is.Empty);
        });
    }

    [Test]
    public void The_party_asked_and_the_store_are_told_of_the_request_and_of_the_miss()
    {
        var asked = AskedOfAcme();
        Assert.That(ComplaintNotices.Of(HeldByAcme(), Asked(), asked),
            Is.EquivalentTo(new[] { new Notice(NoticeKind.EvidenceRequested, "acme"), new Notice(NoticeKind.EvidenceRequested, Party.StoreId) }));
        var missed = new EvidenceDeadlineMissed(Ask, "acme", Due, Due);
        Assert.That(ComplaintNotices.Of(asked, missed, AskedOfAcme(missed)),
            Is.EquivalentTo(new[] { new Notice(NoticeKind.EvidenceDeadlineMissed, "acme"), new Notice(NoticeKind.EvidenceDeadlineMissed, Party.StoreId) }));
    }

    /// <summary>Records holding lists compare by reference; compare them as JSON would show them.</summary>
    private static bool Same(IComplaintEvent a, IComplaintEvent b) =>
        System.Text.Json.JsonSerializer.Serialize(a, a.GetType()) == System.Text.Json.JsonSerializer.Serialize(b, b.GetType()) && a.GetType() == b.GetType();
}
