using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>What re-judging one complaint writes: the standing flags the rules no longer raise, then the flags they raise that are missing.</summary>
public sealed record Rejudgement(IReadOnlyList<FlagWithdrawn> Withdrawn, IReadOnlyList<FlagRaised> Raised)
{
    public bool IsEmpty => Withdrawn.Count == 0 && Raised.Count == 0;

    public IReadOnlyList<IComplaintEvent> Events => [.. Withdrawn, .. Raised];
}

/// <summary>
/// Re-judges a complaint's recorded history under the rules as they now stand (<see cref="Replay"/>) and compares the flags
/// that would stand with the flags that stand as recorded (raised, not superseded, not withdrawn). A flag is the same
/// when its rule and its evidence are. The ledger keeps every recorded flag: the difference is written as new events,
/// and once written, judging again finds none.
/// </summary>
public static class Rejudging
{
    public static Rejudgement Judge(IReadOnlyList<IComplaintEvent> history, Policy policy, PartyDirectory parties, DateTimeOffset now)
    {
        var unmatched = Standing(history);
        var raised = new List<FlagRaised>();
        foreach (var flag in Rejudged(history, policy, parties, now))
        {
            var same = unmatched.FindIndex(recorded => recorded.Flag.Rule == flag.Rule && recorded.Flag.Evidence.SequenceEqual(flag.Evidence));
            if (same >= 0)
                unmatched.RemoveAt(same);
            else
                raised.Add(flag);
        }
        var reason = $"The rules under policy version {policy.Version} do not raise it.";
        return new Rejudgement([.. unmatched.Select(r => new FlagWithdrawn(r.Flag.Rule, r.Version, reason, policy.Version, now))], raised);
    }

    /// <summary>The recorded flags that stand, each with the stream version that raised it (a stream's versions count from 1).</summary>
    private static List<(long Version, FlagRaised Flag)> Standing(IReadOnlyList<IComplaintEvent> history)
    {
        var standing = new List<(long Version, FlagRaised Flag)>();
        for (var i = 0; i < history.Count; i++)
        {
            switch (history[i])
            {
                case FlagRaised flag:
                    standing.RemoveAll(s => flag.Supersedes?.Contains(s.Version) == true);
                    standing.Add((i + 1, flag));
                    break;
                case FlagWithdrawn withdrawn:
                    standing.RemoveAll(s => s.Version == withdrawn.Flag);
                    break;
            }
        }
        return standing;
    }

    /// <summary>
    /// The flags the replay leaves standing, in the order it raised them, with their evidence renumbered to the recorded
    /// stream: the replay weaves its own flags in where the rules would have appended them, so its versions differ.
    /// </summary>
    private static IEnumerable<FlagRaised> Rejudged(IReadOnlyList<IComplaintEvent> history, Policy policy, PartyDirectory parties, DateTimeOffset now)
    {
        var recordedVersion = new Dictionary<IComplaintEvent, long>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < history.Count; i++)
            recordedVersion[history[i]] = i + 1;
        var played = Replay.Play(history, policy, parties, now);
        var toRecorded = new Dictionary<long, long>();
        var flags = new List<(long Version, FlagRaised Flag)>();
        for (var i = 0; i < played.Count; i++)
        {
            if (recordedVersion.TryGetValue(played[i], out var version))
                toRecorded[i + 1] = version;
            else if (played[i] is FlagRaised flag)
            {
                flags.RemoveAll(f => flag.Supersedes?.Contains(f.Version) == true);
                flags.Add((i + 1, flag));
            }
        }
        return flags.Select(f => f.Flag with { Evidence = [.. f.Flag.Evidence.Select(v => toRecorded.GetValueOrDefault(v, v))], Supersedes = null });
    }
}
