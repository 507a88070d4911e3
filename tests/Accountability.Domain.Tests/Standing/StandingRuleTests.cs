using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Scorecards;
using Accountability.Domain.Standing;

namespace Accountability.Domain.Tests.Standing;

/// <summary>
/// Vendor standing (docs/standing.md) against an oracle written from that definition, read straight off the complaint
/// events (not through the scorecards' fold), over seeded random histories; and the standing stream's transitions.
/// </summary>
public sealed class StandingRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Parties = [Party.StoreId, "acme", "photon"];

    private static readonly StandingSettings Settings = StandingSettings.Default with
    {
        Enabled = true, MinimumHandoffs = 4, Warning = new(0.3, 3, 2), Probation = new(0.6, 6, 4),
    };

    /// <summary>A complaint's random history: handoffs among the parties, resolutions naming anyone liable, charges and reversals, stalled-holder flags and withdrawals.</summary>
    private static List<IComplaintEvent> History(Random random, Guid id, DateTimeOffset at)
    {
        var events = new List<IComplaintEvent> { new ComplaintFiled(id, "cust", "Photo Pro", "acme", "crash", "Broke", Channel.Web, Party.StoreId, at) };
        var holder = Party.StoreId;
        var charges = new List<Guid>();
        var flags = new List<long>();
        for (var step = random.Next(1, 12); step > 0; step--)
        {
            at = at.AddHours(random.Next(1, 72));
            switch (random.Next(6))
            {
                case 0 or 1:
                    var to = Parties.Where(p => p != holder).ElementAt(random.Next(2));
                    events.Add(new ComplaintHandedOff(holder, to, HandoffReason.NeedsVendorFix, null, [], at));
                    holder = to;
                    break;
                case 2:
                    events.Add(new ComplaintResolved(holder, RootCause.ProductDefect, Parties[random.Next(3)], "Fixed", at));
                    break;
                case 3:
                    charges.Add(Guid.NewGuid());
                    events.Add(new ChargeCreated(charges[^1], Parties[random.Next(3)], Money.FromMinorUnits(random.Next(1, 50_000), "EUR"), ChargeCause.Remedy, holder, at));
                    break;
                case 4 when charges.Count > 0 && random.Next(2) == 0:
                    events.Add(new ChargeReversed(charges[random.Next(charges.Count)], "Wrong", Party.StoreId, at));
                    break;
                case 4 when flags.Count > 0:
                    events.Add(new FlagWithdrawn(RuleIds.StalledHolder, flags[random.Next(flags.Count)], "Re-judged", 2, at));
                    break;
                default:
                    events.Add(new FlagRaised(RuleIds.StalledHolder, Severity.Medium, [], "Stalled.", 1, at, Charged: [holder]));
                    flags.Add(events.Count);
                    break;
            }
        }
        return events;
    }

    /// <summary>The definition, read off the events: the figures of <paramref name="vendor"/> over [from, to), and the standing they call for.</summary>
    private static (int Handoffs, int Bounced, int Liable, long Cents, int Missed, StandingLevel Level) Oracle(
        IEnumerable<List<IComplaintEvent>> histories, string vendor, DateTimeOffset from, DateTimeOffset to)
    {
        bool In(DateTimeOffset at) => at >= from && at < to;
        int handoffs = 0, bounced = 0, liable = 0, missed = 0;
        long cents = 0;
        foreach (var events in histories)
        {
            var reversed = events.OfType<ChargeReversed>().Select(r => r.ChargeId).ToHashSet();
            var withdrawn = events.OfType<FlagWithdrawn>().Select(w => w.Flag).ToHashSet();
            for (var i = 0; i < events.Count; i++)
            {
                switch (events[i])
                {
                    case ComplaintHandedOff h when h.From == vendor && In(h.At):
                        handoffs++;
                        if (events.Skip(i + 1).OfType<ComplaintHandedOff>().Any(later => later.To == vendor))
                            bounced++;
                        break;
                    case ComplaintResolved r when r.LiableParty == vendor && In(r.At):
                        liable++;
                        break;
                    case ChargeCreated c when c.Party == vendor && In(c.At) && !reversed.Contains(c.ChargeId):
                        cents += (long)(c.Amount.Amount * 100);
                        break;
                    case FlagRaised f when f.Charged!.Contains(vendor) && In(f.At) && !withdrawn.Contains(i + 1):
                        missed++;
                        break;
                }
            }
        }
        double? rate = handoffs >= Settings.MinimumHandoffs ? (double)bounced / handoffs : null;
        bool Over(StandingThresholds t) => rate >= t.BounceRate || liable >= t.FoundLiable || missed >= t.DeadlinesMissed;
        var level = Over(Settings.Probation) ? StandingLevel.Probation : Over(Settings.Warning) ? StandingLevel.Warning : StandingLevel.Good;
        return (handoffs, bounced, liable, cents, missed, level);
    }

    [Test]
    public void The_standing_of_every_vendor_over_random_windows_agrees_with_the_definition_read_off_the_events([Range(1, 40)] int seed)
    {
        var random = new Random(seed);
        var histories = Enumerable.Range(0, random.Next(1, 12)).Select(_ => History(random, Guid.NewGuid(), Start.AddDays(random.Next(0, 90)))).ToList();
        var facts = histories.SelectMany(events =>
        {
            ScorecardTrack? track = null;
            return events.SelectMany((e, i) =>
            {
                (track, var proved, _) = ScorecardTrack.Evolve(track, e, i + 1);
                return proved;
            }).ToList();
        }).ToList();
        var (from, to) = (Start.AddDays(random.Next(0, 60)), Start.AddDays(200));
        foreach (var vendor in new[] { "acme", "photon" })
        {
            var assessed = StandingRule.Assess(facts.Where(f => f.Party == vendor), Settings, from, to);
            var f = assessed.Figures;
            var expected = Oracle(histories, vendor, from, to);
            Assert.That((f.HandoffsOut, f.BouncedBack, f.FoundLiable, f.AmountCharged.GetValueOrDefault("EUR"), f.DeadlinesMissed, assessed.Level),
                Is.EqualTo(expected), $"{vendor}, seed {seed}");
            Assert.That(f.ComplaintRate, Is.Null, "the service is never told a vendor's orders");
            Assert.That(assessed.Crossed, assessed.Level == StandingLevel.Good ? Is.Empty : Is.Not.Empty);
        }
    }

    private static StandingAssessment Calls(StandingLevel level) =>
        new(new StandingFigures(Start, Start, 0, null, 0, 0, null, 0, new Dictionary<string, long>(), 0), level, []);

    [Test]
    public void Warnings_follow_the_figures_probation_waits_for_the_operator_and_the_past_replays()
    {
        var standing = VendorStanding.New("acme");
        var events = new List<IStandingEvent>();
        void Apply(StandingOutcome outcome)
        {
            Assert.That(outcome.Refusal, Is.Null);
            events.AddRange(outcome.Events);
            standing = outcome.Events.Aggregate(standing, (s, e) => s.Evolve(e));
        }
        Apply(StandingRule.Evaluate(standing, Calls(StandingLevel.Warning), Start.AddDays(1)));
        Apply(StandingRule.Evaluate(standing, Calls(StandingLevel.Warning), Start.AddDays(2)));
        Assert.That(events, Has.Count.EqualTo(1), "a standing unchanged records nothing");
        Apply(StandingRule.Evaluate(standing, Calls(StandingLevel.Probation), Start.AddDays(3)));
        Apply(StandingRule.Evaluate(standing, Calls(StandingLevel.Good), Start.AddDays(4)));
        Assert.That(standing.Level, Is.EqualTo(StandingLevel.Probation), "better figures do not lift probation: the operator does");

        var byVendor = StandingRule.Decide(standing, StandingDecisionKind.Reinstate, "We fixed it", Actor.Vendor("acme"), Start.AddDays(5));
        Assert.That(byVendor.Refusal!.Code, Is.EqualTo(RefusalCode.OperatorOnly));
        Assert.That(StandingRule.Decide(standing, StandingDecisionKind.Reinstate, " ", Actor.Operator(Party.StoreId), Start.AddDays(5)).Refusal!.Code,
            Is.EqualTo(RefusalCode.ReasonMissing));
        Apply(StandingRule.Decide(standing, StandingDecisionKind.Reinstate, "Plan of action accepted", Actor.Operator(Party.StoreId), Start.AddDays(5)));
        Assert.That((standing.Level, standing.CountsFrom), Is.EqualTo((StandingLevel.Good, (DateTimeOffset?)Start.AddDays(5))));
        Assert.That(StandingRule.WindowStart(standing, Settings, Start.AddDays(10)), Is.EqualTo(Start.AddDays(5)), "a reinstatement starts the figures afresh");
        Assert.That(StandingRule.Decide(standing, StandingDecisionKind.EndRelationship, "Enough", Actor.Operator(Party.StoreId), Start.AddDays(6)).Refusal!.Code,
            Is.EqualTo(RefusalCode.NothingToDecide));
        Apply(StandingRule.Evaluate(standing, Calls(StandingLevel.Warning), Start.AddDays(7)));
        Assert.That(StandingRule.Decide(standing, StandingDecisionKind.KeepOnProbation, "Hmm", Actor.Operator(Party.StoreId), Start.AddDays(8)).Refusal!.Code,
            Is.EqualTo(RefusalCode.NothingToDecide));
        Apply(StandingRule.Decide(standing, StandingDecisionKind.EndRelationship, "Third strike", Actor.Operator(Party.StoreId), Start.AddDays(8)));
        Assert.That(StandingRule.Decide(standing, StandingDecisionKind.Reinstate, "Sorry", Actor.Operator(Party.StoreId), Start.AddDays(9)).Refusal!.Code,
            Is.EqualTo(RefusalCode.RelationshipEnded));
        Assert.That(StandingRule.Evaluate(standing, Calls(StandingLevel.Good), Start.AddDays(9)).Events, Is.Empty);

        Assert.That(new[] { 0, 1, 3, 5, 7, 8 }.Select(day => VendorStanding.Replay("acme", events, Start.AddDays(day)).Level), Is.EqualTo(new[]
        {
            StandingLevel.Good, StandingLevel.Warning, StandingLevel.Probation, StandingLevel.Good, StandingLevel.Warning, StandingLevel.Ended,
        }));
    }
}
