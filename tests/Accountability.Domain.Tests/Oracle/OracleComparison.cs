using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Oracle;

/// <summary>Plays a history through the rule engine and through the oracle, and says every way they differ.</summary>
public static class OracleComparison
{
    /// <summary>What the rules say, without deadlines (the oracle does not judge them).</summary>
    public static Policy WithoutDeadlines(Policy policy) => policy with { StalledHolder = policy.StalledHolder with { Enabled = false } };

    public static IReadOnlyList<ExpectedFlag> Engine(IReadOnlyList<IComplaintEvent> history, Policy policy, PartyDirectory parties)
    {
        var played = Replay.Play(history, WithoutDeadlines(policy), parties, history[^1].At);
        return [.. played.Select((e, i) => (e, Version: i + 1L)).Where(x => x.e is FlagRaised).Select(x => (FlagRaised)x.e).Zip(
            played.Select((e, i) => (e, Version: i + 1L)).Where(x => x.e is FlagRaised).Select(x => x.Version),
            (f, v) => new ExpectedFlag(v, f.Rule, f.Severity, f.Evidence, f.Sentence, f.Charged ?? [], f.Supersedes ?? []))];
    }

    /// <summary>Every difference, one line each: a flag the oracle does not raise, or one the rules miss.</summary>
    public static IReadOnlyList<string> Differences(string name, IReadOnlyList<IComplaintEvent> history, Policy policy, PartyDirectory parties)
    {
        var engine = Engine(history, policy, parties).Select(Describe).ToList();
        var oracle = FlagOracle.Judge(history, WithoutDeadlines(policy), parties).Select(Describe).ToList();
        return [.. engine.Except(oracle).Select(f => $"{name}: raised but not by the oracle: {f}"),
            .. oracle.Except(engine).Select(f => $"{name}: missed: {f}")];
    }

    private static string Describe(ExpectedFlag f) =>
        $"v{f.Version} {f.Rule} {f.Severity} [{string.Join(",", f.Evidence)}] charged [{string.Join(",", f.Charged)}] " +
        $"supersedes [{string.Join(",", f.Supersedes)}] \"{f.Sentence}\"";
}
