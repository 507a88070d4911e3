using System.Collections.Immutable;
using Accountability.Domain.Clocks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Scorecards;

/// <summary>A handoff waiting to see whether the complaint comes back to the party that made it.</summary>
public sealed record PendingReturn(string Party, long Version, DateTimeOffset At);

/// <summary>A flag and whom it counts against, remembered until a later flag of the same story replaces it or a re-judging withdraws it.</summary>
public sealed record ChargedFlag(long Version, string Rule, IReadOnlyList<string> Parties, DateTimeOffset At)
{
    /// <summary>Raised before flags named whom they charge: <see cref="Parties"/> holds the one party it was counted against.</summary>
    public bool Uncharged { get; init; }
}

/// <summary>A money charge remembered until it is reversed: its fact, to take back.</summary>
public sealed record MoneyCharge(Guid Id, ScorecardFact Fact);

/// <summary>An appeal waiting for the operator's decision: whose it is, to count it won or lost.</summary>
public sealed record OpenAppeal(Guid ChargeId, string Appellant);

/// <summary>What the scorecards remember of one complaint between its events: the current hold and what may still count.</summary>
public sealed record ScorecardTrack(
    Guid Id,
    string Product,
    string VendorId,
    string Category,
    Hold CurrentHold,
    bool HoldAcknowledged,
    string LastActor,
    ImmutableList<PendingReturn> AwaitingReturn,
    ScorecardFact? LastResolution)
{
    /// <summary>The parties that have received the complaint so far: each counts it once.</summary>
    public ImmutableList<string> Receivers { get; init; } = [];

    /// <summary>The holder's clock, the same the complaint keeps: a hold is a stretch of it running, so waits are never time held.</summary>
    public HolderClock Clock { get; init; } = null!;

    /// <summary>The most recent flags that stand, and whom each counts against.</summary>
    public ImmutableList<ChargedFlag> ChargedFlags { get; init; } = [];

    /// <summary>The money charges that stand.</summary>
    public ImmutableList<MoneyCharge> MoneyCharges { get; init; } = [];

    /// <summary>The appeals not yet decided.</summary>
    public ImmutableList<OpenAppeal> OpenAppeals { get; init; } = [];

    /// <summary>Stalled holders and reopen loops are the holder's doing; the other rules judge whoever acted last.</summary>
    private static readonly ImmutableHashSet<string> ChargedToHolder = [RuleIds.StalledHolder, RuleIds.ReopenLoop];

    /// <summary>
    /// Folds one event: the next track, the facts it proves and the holds it started or ended (to be written over
    /// what was written before under the same version).
    /// </summary>
    public static (ScorecardTrack? Next, IReadOnlyList<ScorecardFact> Facts, IReadOnlyList<Hold> Holds) Evolve(
        ScorecardTrack? track, object @event, long version)
    {
        if (track is null)
            return @event is ComplaintFiled filed ? Start(filed, version) : (null, [], []);
        var facts = new List<ScorecardFact>();
        var holds = new List<Hold>();
        var next = track.Apply(@event, version, facts, holds).Paced(track.Clock, @event, version, holds, facts);
        if (@event is IComplaintEvent e && !RuleEngine.IsJudgement(e))
            next = next with { LastActor = e.By };
        return (next, facts, holds);
    }

    private static (ScorecardTrack, IReadOnlyList<ScorecardFact>, IReadOnlyList<Hold>) Start(ComplaintFiled e, long version)
    {
        var hold = new Hold(version, e.By, e.At, null);
        var track = new ScorecardTrack(e.ComplaintId, e.Product, e.VendorId, e.Category, hold, false, e.By, [], null)
        {
            Receivers = [e.By],
            Clock = HolderClock.Start(e),
        };
        return (track, [new(FactKinds.Filed, version, e.By, e.At, Label: e.Category), new(FactKinds.Received, version, e.By, e.At)], [hold]);
    }

    private ScorecardTrack Apply(object @event, long version, List<ScorecardFact> facts, List<Hold> holds)
    {
        var holder = CurrentHold.Party;
        switch (@event)
        {
            case ComplaintAssigned e when e.To != holder:
                return MoveTo(e.To, e.At, version, facts, holds);
            case ComplaintTakenOver e when e.To != holder:
                return MoveTo(e.To, e.At, version, facts, holds);
            case ComplaintHandedOff e:
                facts.Add(new(FactKinds.HandedOff, version, e.From, e.At));
                var moved = MoveTo(e.To, e.At, version, facts, holds);
                return moved with { AwaitingReturn = moved.AwaitingReturn.Add(new PendingReturn(e.From, version, e.At)) };
            case ComplaintAcknowledged e when !HoldAcknowledged:
                facts.Add(new(FactKinds.Acknowledged, version, holder, e.At, SecondsSince(e.At)));
                return this with { HoldAcknowledged = true };
            case CustomerRedirected e:
                facts.Add(new(FactKinds.CustomerRedirected, version, e.By, e.At));
                return this;
            case ComplaintResolved e:
                // A default judgment is the store's resolution, not the silent holder's; the store held nothing, so it has no time to resolve.
                var byDefault = e.Judgment is not null;
                var resolution = new ScorecardFact(FactKinds.Resolved, version, byDefault ? e.By : holder, e.At,
                    byDefault ? null : SecondsSince(e.At), e.RootCause.ToString(), e.LiableParty);
                facts.Add(resolution);
                facts.Add(new(FactKinds.FoundLiable, version, e.LiableParty, e.At, Label: e.RootCause.ToString()));
                return EndHold(e.At, facts, holds) with { LastResolution = resolution };
            case ChargeCreated e:
                var charged = new ScorecardFact(FactKinds.MoneyCharged, version, e.Party, e.At, e.Amount.ToMinorUnits(), e.Amount.Currency);
                facts.Add(charged);
                return this with { MoneyCharges = MoneyCharges.Add(new MoneyCharge(e.ChargeId, charged)) };
            case ChargeReversed e when MoneyCharges.Find(c => c.Id == e.ChargeId) is { } reversed:
                facts.Add(reversed.Fact with { Kind = FactKinds.MoneyChargeReversed });
                return this with { MoneyCharges = MoneyCharges.Remove(reversed) };
            case ChargeAppealed e:
                return this with { OpenAppeals = OpenAppeals.Add(new OpenAppeal(e.ChargeId, e.By)) };
            case AppealDecided e when OpenAppeals.Find(a => a.ChargeId == e.ChargeId) is { } appeal:
                var won = e.Outcome == Liability.AppealOutcome.Overturned;
                facts.Add(new(won ? FactKinds.AppealWon : FactKinds.AppealLost, version, appeal.Appellant, e.At));
                return this with { OpenAppeals = OpenAppeals.Remove(appeal) };
            case ComplaintReopened e:
                if (LastResolution is { } resolved)
                    facts.Add(resolved with { Kind = FactKinds.ResolutionReopened, Value = null, Label = null, Liable = null });
                var reopened = EndHold(e.At, facts, holds);
                var hold = new Hold(version, holder, e.At, null);
                holds.Add(hold);
                return reopened with { CurrentHold = hold, HoldAcknowledged = false, LastResolution = null };
            case ComplaintClosed e:
                return EndHold(e.At, facts, holds);
            case ComplaintRated e:
                facts.Add(new(FactKinds.Rated, version, holder, e.At, e.Stars));
                return this;
            case FlagRaised { Charged: null } e:
                var guessed = ChargedToHolder.Contains(e.Rule) || LastActor is Party.CustomerId or RuleEngine.Actor ? holder : LastActor;
                facts.Add(new(FactKinds.Flagged, version, guessed, e.At, Label: e.Rule));
                facts.Add(new(FactKinds.Uncharged, version, guessed, e.At, Label: e.Rule));
                return Remember(new ChargedFlag(version, e.Rule, [guessed], e.At) { Uncharged = true }, ChargedFlags);
            case FlagRaised e:
                return Charge(e, version, facts);
            case FlagWithdrawn e:
                return Withdraw(e, facts);
            default:
                return this;
        }
    }

    /// <summary>The holder's clock time since its hold began: time spent waiting does not count.</summary>
    private double SecondsSince(DateTimeOffset at) => Clock.RunTime(at).TotalSeconds;

    /// <summary>Within one hold, the clock pausing or stopping ends a stretch of holding and the clock running again starts one.</summary>
    private ScorecardTrack Paced(HolderClock before, object @event, long version, List<Hold> holds, List<ScorecardFact> facts)
    {
        var clock = before.Evolve(@event, version);
        var next = this with { Clock = clock };
        if (clock.HoldStartVersion != before.HoldStartVersion || clock.IsRunning == before.IsRunning)
            return next;
        if (!clock.IsRunning)
            return next.EndHold(clock.Since, facts, holds);
        var hold = new Hold(version, CurrentHold.Party, clock.Since, null);
        holds.Add(hold);
        return next with { CurrentHold = hold };
    }

    /// <summary>Counts a flag against each party it charges, and withdraws the flags of the same story it replaces.</summary>
    private ScorecardTrack Charge(FlagRaised e, long version, List<ScorecardFact> facts)
    {
        var parties = e.Charged ?? [];
        facts.Add(new(FactKinds.Flagged, version, parties.FirstOrDefault() ?? CurrentHold.Party, e.At, Label: e.Rule));
        facts.AddRange(parties.Select(p => new ScorecardFact(FactKinds.Charged, version, p, e.At, Label: e.Rule)));
        var replaced = ChargedFlags.Where(f => !f.Uncharged && e.Supersedes?.Contains(f.Version) == true).ToList();
        foreach (var old in replaced)
        {
            facts.Add(new(FactKinds.FlagSuperseded, old.Version, old.Parties.FirstOrDefault() ?? CurrentHold.Party, old.At, Label: old.Rule));
            facts.AddRange(old.Parties.Select(p => new ScorecardFact(FactKinds.ChargeSuperseded, old.Version, p, old.At, Label: old.Rule)));
        }
        return Remember(new ChargedFlag(version, e.Rule, parties, e.At), ChargedFlags.RemoveAll(replaced.Contains));
    }

    /// <summary>A withdrawn flag no longer counts: its counts are taken back, dated and labelled as the flag was.</summary>
    private ScorecardTrack Withdraw(FlagWithdrawn e, List<ScorecardFact> facts)
    {
        if (ChargedFlags.Find(f => f.Version == e.Flag) is not { } flag)
            return this;
        facts.Add(new(FactKinds.FlagWithdrawn, flag.Version, flag.Parties.FirstOrDefault() ?? CurrentHold.Party, flag.At, Label: flag.Rule));
        var charge = flag.Uncharged ? FactKinds.UnchargedWithdrawn : FactKinds.ChargeWithdrawn;
        facts.AddRange(flag.Parties.Select(p => new ScorecardFact(charge, flag.Version, p, flag.At, Label: flag.Rule)));
        return this with { ChargedFlags = ChargedFlags.Remove(flag) };
    }

    private ScorecardTrack Remember(ChargedFlag flag, ImmutableList<ChargedFlag> flags)
    {
        var kept = flags.Add(flag);
        return this with { ChargedFlags = kept.Count > Complaint.RecentFlagsKept ? kept.RemoveAt(0) : kept };
    }


    /// <summary>A new holder: the old hold ends, and the party's own handoffs that the complaint left by now bounce back.</summary>
    private ScorecardTrack MoveTo(string party, DateTimeOffset at, long version, List<ScorecardFact> facts, List<Hold> holds)
    {
        if (!Receivers.Contains(party))
            facts.Add(new(FactKinds.Received, version, party, at));
        foreach (var handoff in AwaitingReturn.Where(p => p.Party == party))
            facts.Add(new(FactKinds.BouncedBack, handoff.Version, party, handoff.At));
        var ended = EndHold(at, facts, holds);
        var hold = new Hold(version, party, at, null);
        holds.Add(hold);
        return ended with
        {
            CurrentHold = hold,
            HoldAcknowledged = false,
            AwaitingReturn = AwaitingReturn.RemoveAll(p => p.Party == party),
            Receivers = Receivers.Contains(party) ? Receivers : Receivers.Add(party),
        };
    }

    private ScorecardTrack EndHold(DateTimeOffset at, List<ScorecardFact> facts, List<Hold> holds)
    {
        if (CurrentHold.End is not null)
            return this;
        var ended = CurrentHold with { End = at < CurrentHold.Start ? CurrentHold.Start : at };
        holds.Add(ended);
        facts.Add(new(FactKinds.HoldEnded, ended.Version, ended.Party, ended.End.Value, (ended.End.Value - ended.Start).TotalSeconds));
        return this with { CurrentHold = ended };
    }
}
