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
        Assert.That(stream.Skip(5).Select(e => e.GetType()), Is.EqualTo(new[] { typeof(FlagRaised), typeof(ComplaintEscalated) }));
        Assert.That(stream.Skip(5).All(e => e.By == RuleEngine.Actor && e.At == stream[4].At));
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
        var flags = stream.OfType<FlagRaised>().ToList();
        var superseded = flags.SelectMany(f => f.Supersedes ?? []).ToHashSet();
        Assert.That(replayed.Flags.Select(f => f.Version), Is.EquivalentTo(replayed.Flags.Select(f => f.Version).Where(v => !superseded.Contains(v))));
        Assert.That(replayed.Flags.Select(f => f.Rule), Is.EquivalentTo(stream.Select((e, i) => (e, Version: i + 1L))
            .Where(x => x.e is FlagRaised && !superseded.Contains(x.Version)).Select(x => ((FlagRaised)x.e).Rule)));
    }
}
