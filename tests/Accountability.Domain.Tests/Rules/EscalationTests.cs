using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Rules;

public sealed class EscalationTests
{
    private const string S = Party.StoreId;

    [Test]
    public void By_default_a_flag_makes_the_marketplace_accountable_once()
    {
        var scenario = new RuleScenario().Path(S, "acme", S, "acme", S, "acme", S, "acme");
        var escalations = scenario.Stream.OfType<ComplaintEscalated>().ToList();

        Assert.That(escalations, Has.Count.EqualTo(1));
        Assert.That(escalations[0].Rule, Is.EqualTo(RuleIds.PingPong));
        Assert.That(scenario.State.Escalation!.Reason, Does.StartWith("Handed back and forth"));
        Assert.That(scenario.State.Holder, Is.EqualTo("acme"));
        Assert.That(scenario.State.AccountableParty(), Is.EqualTo(S));
    }

    [Test]
    public void The_flag_follows_the_event_it_judged_and_the_escalation_follows_the_flag()
    {
        var stream = new RuleScenario().Path(S, "acme", S, "acme").Stream;
        Assert.That(stream.Skip(4).Select(e => e.GetType()), Is.EqualTo(new[] { typeof(FlagRaised), typeof(ComplaintEscalated) }));
        Assert.That(stream.Skip(4).All(e => e.By == RuleEngine.Actor && e.At == stream[3].At));
    }

    [Test]
    public void A_flag_whose_rule_does_not_escalate_leaves_the_holder_accountable()
    {
        var scenario = new RuleScenario().Path(S, "acme").HandOff("acme", "photon", HandoffReason.NotOurComponent);
        Assert.That(scenario.FlagsOf(RuleIds.EvidenceFreeHandoff), Has.Count.EqualTo(1));
        Assert.That(scenario.State.Escalation, Is.Null);
        Assert.That(scenario.State.AccountableParty(), Is.EqualTo("photon"));
    }

    [Test]
    public void After_escalation_a_vendor_cannot_hand_the_complaint_back_but_the_operator_can_move_it()
    {
        var escalated = new RuleScenario().Path(S, "acme", S, "acme").State;
        var back = new HandOffComplaint(S, HandoffReason.WrongParty, null, []);

        ComplaintDecisions.HandOff(escalated, back, Scenario.Acme, RuleScenario.Four, Scenario.T0).ShouldRefuse(RefusalCode.Escalated);
        ComplaintDecisions.Assign(escalated, new AssignComplaint("photon"), Scenario.Operator, RuleScenario.Four, Scenario.T0).ShouldEmit<ComplaintAssigned>();
    }

    [Test]
    public void Replaying_the_stream_raises_nothing_new()
    {
        var stream = new RuleScenario().Path(S, "acme", S, "acme", "photon", S).Stream;
        var replayed = Scenario.Given([.. stream]);
        Assert.That(RuleEngine.Judge(replayed, [], Policy.Default, RuleScenario.Four), Is.Empty);
        Assert.That(replayed.Flags.Select(f => f.Rule), Is.EquivalentTo(stream.OfType<FlagRaised>().Select(f => f.Rule)));
    }
}
