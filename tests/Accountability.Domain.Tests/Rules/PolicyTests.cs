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

    [Test]
    public void A_deadline_beyond_the_reach_of_a_due_time_is_named()
    {
        var rows = Policy.Default.StalledHolder.Deadlines.Select((r, i) => i == 0 ? r with { ResolutionHours = Domain.Times.DueTime.MaxHours + 1 } : r).ToList();
        var far = Policy.Default with { StalledHolder = Policy.Default.StalledHolder with { Deadlines = rows } };
        Assert.That(far.Problems().Keys, Is.EquivalentTo(new[] { "stalledHolder.deadlines" }));
    }
}
