using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Oracle;

/// <summary>
/// The rules against a second implementation of docs/rules.md: no flag the oracle does not raise, no oracle flag
/// missed, and every flag's rule, severity, evidence, charged parties, superseded flags and sentence (its counts,
/// parties and durations) the same.
/// </summary>
public sealed class OracleTests
{
    private static readonly Policy[] Policies =
    [
        Policy.Default,
        Policy.Default with { PingPong = Policy.Default.PingPong with { Handoffs = 2 }, Hub = Policy.Default.Hub with { Returns = 3 } },
        Policy.Default with { PingPong = Policy.Default.PingPong with { Handoffs = 4 }, Churn = Policy.Default.Churn with { Handoffs = 2, WindowHours = 24 } },
        Policy.Default with { Bounce = Policy.Default.Bounce with { Enabled = false }, Hub = Policy.Default.Hub with { Enabled = false }, Cycle = Policy.Default.Cycle with { Escalates = false } },
    ];

    [Test]
    public void Every_named_pattern_is_judged_as_the_oracle_judges_it_under_every_policy()
    {
        var differences = Histories.Patterns().SelectMany(p => Policies.SelectMany((policy, i) =>
            OracleComparison.Differences($"{p.Name} (policy {i})", p.History, policy, Rules.RuleScenario.Four))).ToList();
        Assert.That(differences, Is.Empty, string.Join("\n", differences));
    }

    [Test]
    public void Two_thousand_random_histories_are_judged_as_the_oracle_judges_them()
    {
        var differences = Enumerable.Range(0, 2000).SelectMany(seed =>
            OracleComparison.Differences($"seed {seed}", Histories.Random(seed), Policies[seed % Policies.Length], Rules.RuleScenario.Four)).ToList();
        Assert.That(differences.Take(20), Is.Empty, $"{differences.Count} differences:\n" + string.Join("\n", differences.Take(20)));
    }

    [Test]
    public void The_random_histories_raise_every_flag_the_oracle_knows_and_supersede_some()
    {
        var flags = Enumerable.Range(0, 2000).SelectMany(seed => FlagOracle.Judge(Histories.Random(seed),
            OracleComparison.WithoutDeadlines(Policies[seed % Policies.Length]), Rules.RuleScenario.Four)).ToList();
        Assert.That(flags.Select(f => f.Rule).Distinct(), Is.EquivalentTo(RuleIds.All.Where(r => r != RuleIds.StalledHolder)));
        Assert.That(flags.Count(f => f.Supersedes.Count > 0), Is.GreaterThan(10));
        Assert.That(flags.Count(f => f.Charged.Count > 1), Is.GreaterThan(10));
    }

    [Test]
    public void Every_incident_of_the_ServiceNow_sample_is_judged_as_the_oracle_judges_it()
    {
        var (incidents, parties) = ServiceNowSample.Read();
        Assert.That(incidents, Has.Count.EqualTo(890));
        var differences = incidents.SelectMany(i => Policies.Take(2).SelectMany(policy => OracleComparison.Differences(i.Key, i.Value, policy, parties))).ToList();
        Assert.That(differences.Take(20), Is.Empty, $"{differences.Count} differences:\n" + string.Join("\n", differences.Take(20)));
    }
}
