using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Rules;

public sealed class ReplayTests
{
    private const string S = Party.StoreId;

    [Test]
    public void Replaying_under_the_same_policy_finds_the_flags_that_were_raised()
    {
        var recorded = new RuleScenario().Path(S, "acme", S, "acme", "photon", S).Stream;
        var replayed = Replay.Run(recorded, Policy.Default, RuleScenario.Four, T0.AddHours(10));
        Assert.That(replayed.Select(f => f.Rule), Is.EqualTo(recorded.OfType<FlagRaised>().Select(f => f.Rule)));
    }

    [Test]
    public void A_looser_policy_finds_less()
    {
        var recorded = new RuleScenario().Path(S, "acme", S, "acme").Stream;
        var loose = Policy.Default with { PingPong = Policy.Default.PingPong with { Handoffs = 5 }, Bounce = Policy.Default.Bounce with { Enabled = false } };
        Assert.That(Replay.Run(recorded, loose, RuleScenario.Four, T0.AddHours(4)), Is.Empty);
    }

    [Test]
    public void Deadlines_that_fell_due_between_events_fire_once_in_the_replay()
    {
        IComplaintEvent[] history = [Filed(), HandedOff(S, "acme", T0.AddHours(1)), new ComplaintAcknowledged("acme", T0.AddHours(30)), Resolved("acme", T0.AddHours(200))];
        var flags = Replay.Run(history, Policy.Default, RuleScenario.Four, T0.AddDays(30));
        Assert.That(flags.Select(f => f.Sentence), Is.EqualTo(new[]
        {
            "Acme Apps has not acknowledged the complaint within 24 hours of receiving it.",
            "Acme Apps has not resolved the complaint within 5 days of receiving it.",
        }));
    }
}
