using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Tests.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.StepIn;

/// <summary>The customer asks the store to step in: when they may, what it records, what the rules make of it, and once per episode.</summary>
public sealed class CustomerStepInTests
{
    private const string S = Party.StoreId;
    private static readonly DateTimeOffset Now = T0.AddHours(10);

    private static JudgedDecision Ask(Complaint state, Policy? policy = null) =>
        ComplaintDecider.DecideAndJudge(state, new AskStoreToStepIn(),
            new DecisionContext(CustomerDecisions.Customer, RuleScenario.Four, policy ?? Policy.Default, Now, TimeSpan.FromDays(30)));

    /// <summary>The store hands it to acme, acme to photon, and photon hands it straight back: a bounce stands, and acme holds it.</summary>
    private static Complaint Bounced() => Played(new RuleScenario().Path(S, "acme", "photon", "acme"));

    private static Complaint Played(RuleScenario scenario) => scenario.State;

    [Test]
    public void After_a_bounce_the_request_is_recorded_flagged_escalated_and_the_store_takes_over()
    {
        var bounced = Bounced();
        var judged = Ask(bounced);

        Assert.That(judged.Refusal, Is.Null);
        Assert.That(judged.Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[]
            { typeof(StepInRequested), typeof(FlagRaised), typeof(ComplaintEscalated), typeof(ComplaintTakenOver) }));
        var flag = (FlagRaised)judged.Steps[1].Event;
        var bounce = bounced.Flags.Single(f => f.Rule == RuleIds.Bounce);
        Assert.That(flag.Rule, Is.EqualTo(RuleIds.StepInRequested));
        Assert.That(flag.Sentence, Is.EqualTo("The customer asked The Store to step in while Acme Apps held the complaint, after 1 flag in this episode: bounce."));
        Assert.That(flag.Evidence, Is.EqualTo((long[])[.. bounce.Evidence, bounced.Version + 1]), "the moves that bounced, then the request");
        Assert.That(flag.Charged, Is.EqualTo(new[] { "acme" }));
        Assert.That(judged.Steps[^1].Event, Is.EqualTo(new ComplaintTakenOver("acme", S, TakeOverCause.CustomerAsked, Now)));
        Assert.That((judged.Steps[^1].After.Holder, judged.Steps[^1].After.AccountableParty()), Is.EqualTo((S, S)));
    }

    [Test]
    public void After_a_missed_deadline_the_request_names_the_stalled_holder_flag()
    {
        var stalled = Given(Filed(), HandedOff(S, "acme"));
        var flagged = RuleEngine.JudgeDeadline(stalled, new Deadline(DeadlineKind.FirstResponse, "acme", 2, T0.AddHours(24)), Policy.Default, RuleScenario.Four, T0.AddHours(25));
        var state = flagged.Aggregate(stalled, (c, e) => Complaint.Evolve(c, e)!);
        var flag = (FlagRaised)Ask(state).Steps[1].Event;
        Assert.That(flag.Sentence, Does.EndWith("after 1 flag in this episode: stalled-holder."));
        Assert.That(flag.Evidence, Is.EqualTo(new long[] { 2, 5 }), "the hold whose deadline passed, then the request");
    }

    [Test]
    public void By_policy_the_store_need_not_take_over_the_request_is_still_recorded_and_flagged()
    {
        var policy = Policy.Default with { StepInRequest = StepInRequestSettings.Default with { StoreTakesOver = false, Escalates = false } };
        var judged = Ask(Bounced(), policy);
        Assert.That(judged.Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[] { typeof(StepInRequested), typeof(FlagRaised) }));
        Assert.That(judged.Steps[^1].After.Holder, Is.EqualTo("acme"));
    }

    [Test]
    public void With_the_rule_off_the_store_still_takes_over_but_nothing_is_flagged()
    {
        var policy = Policy.Default with { StepInRequest = StepInRequestSettings.Default with { Enabled = false } };
        Assert.That(Ask(Bounced(), policy).Steps.Select(s => s.Event.GetType()), Is.EqualTo(new[] { typeof(StepInRequested), typeof(ComplaintTakenOver) }));
    }

    [Test]
    public void Without_a_flag_in_this_episode_the_request_is_refused_and_says_why()
    {
        var judged = Ask(HeldByAcme());
        Assert.That(judged.Refusal?.Code, Is.EqualTo(RefusalCode.StepInNotAllowed));
        Assert.That(judged.Refusal?.Detail, Does.Contain("passed back and forth or a deadline has passed"));
        Assert.That(judged.Steps, Is.Empty);
    }

    [Test]
    public void Only_once_per_episode()
    {
        var asked = Ask(Bounced(), Policy.Default with { StepInRequest = StepInRequestSettings.Default with { StoreTakesOver = false } }).Steps[^1].After;
        var again = Ask(asked);
        Assert.That((again.Refusal?.Code, again.Steps.Count), Is.EqualTo(((RefusalCode?)RefusalCode.StepInAlreadyAsked, 0)));
    }

    [Test]
    public void When_the_store_holds_it_or_it_is_resolved_there_is_nothing_to_step_into()
    {
        var atStore = Ask(Bounced()).Steps[^1].After;
        Assert.That(atStore.StepInStanding(), Is.EqualTo(StepInStanding.AlreadyAsked));
        var storeBounced = Played(new RuleScenario().Path(S, "acme", S));
        Assert.That(Ask(storeBounced).Refusal?.Code, Is.EqualTo(RefusalCode.StepInNotAllowed), "the store itself holds it");
        var resolved = Complaint.Evolve(Bounced(), Resolved("acme", T0.AddHours(5)))!;
        Assert.That((resolved.StepInStanding(), Ask(resolved).Refusal?.Code), Is.EqualTo((StepInStanding.Finished, (RefusalCode?)RefusalCode.StepInNotAllowed)));
    }

    [Test]
    public void A_reopening_starts_a_new_episode_with_no_grounds_until_something_goes_wrong_again()
    {
        var asked = Ask(Bounced()).Steps[^1].After;
        var reopened = new IComplaintEvent[]
        {
            Resolved(S, T0.AddHours(11)), new ComplaintReopened(S, "Again", T0.AddHours(12)),
            new ComplaintAssigned("acme", S, T0.AddHours(13)),
        }.Aggregate(asked, (c, e) => Complaint.Evolve(c, e)!);
        Assert.That(reopened.StepInStanding(), Is.EqualTo(StepInStanding.NoGrounds), "the earlier flags belong to the last episode");
        var bouncedAgain = new IComplaintEvent[] { HandedOff("acme", S, T0.AddHours(14)), HandedOff(S, "acme", T0.AddHours(15)) }
            .Aggregate(reopened, (c, e) => RuleEngine.Judge(c, [e], Policy.Default, RuleScenario.Four).Prepend(e)
                .Aggregate(c, (x, y) => Complaint.Evolve(x, y)!));
        Assert.That(bouncedAgain.StepInStanding(), Is.EqualTo(StepInStanding.Open));
    }

    [Test]
    public void Rejudging_a_complaint_with_a_request_under_the_same_policy_changes_nothing()
    {
        var bounced = new RuleScenario().Path(S, "acme", "photon", "acme");
        IComplaintEvent[] history = [.. bounced.Stream, .. Ask(bounced.State).Steps.Select(s => s.Event)];
        Assert.That(history.OfType<FlagRaised>().Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.Bounce, RuleIds.StepInRequested }));
        Assert.That(Rejudging.Judge(history, Policy.Default, RuleScenario.Four, Now.AddHours(1)).IsEmpty, Is.True);
    }

    [Test]
    public void The_status_page_reads_the_same_standing_as_the_decision()
    {
        var scenario = new RuleScenario().Path(S, "acme", S, "acme");
        var events = scenario.Stream.ToList();
        var page = events.Aggregate((CustomerStatus?)null, CustomerStatus.Evolve)!;
        Assert.That(page.StepInStanding(), Is.EqualTo(StepInStanding.Open));
        var judged = Ask(scenario.State);
        var after = judged.Steps.Select(s => s.Event).Aggregate(page, (p, e) => CustomerStatus.Evolve(p, e)!);
        Assert.That((after.StepInStanding(), after.Holder, after.Milestones[^1].Kind),
            Is.EqualTo((StepInStanding.AlreadyAsked, S, MilestoneKind.TakenOver)));
    }
}
