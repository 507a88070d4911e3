using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Rules;

public sealed class PolicyTests
{
    [Test]
    public void The_default_policy_is_valid_and_runs_every_rule()
    {
        Assert.That(Policy.Default.Problems(), Is.Empty);
        Assert.That(RuleEngine.Rules.Select(r => r.Id), Is.EquivalentTo(RuleIds.All));
        Assert.That(RuleEngine.Rules.Select(r => r.SettingsIn(Policy.Default).Enabled), Has.All.True);
    }

    [Test]
    public void Out_of_range_thresholds_are_named_by_field()
    {
        var bad = Policy.Default with
        {
            PingPong = Policy.Default.PingPong with { Handoffs = 1 },
            Churn = Policy.Default.Churn with { WindowHours = 0 },
            ReopenLoop = Policy.Default.ReopenLoop with { Reopens = 99 },
            EvidenceFreeHandoff = Policy.Default.EvidenceFreeHandoff with { Reasons = [] },
        };
        Assert.That(bad.Problems().Keys, Is.EquivalentTo(new[] { "pingPong.handoffs", "churn.windowHours", "reopenLoop.reopens", "evidenceFreeHandoff.reasons" }));
    }
}
