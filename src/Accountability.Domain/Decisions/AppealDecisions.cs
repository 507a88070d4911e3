using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Decisions.Decision;

namespace Accountability.Domain.Decisions;

/// <summary>
/// Appeals of charges: the charged party, and only it, appeals a standing charge once, within the policy's window from
/// the charge's time (as an Amazon A-to-z decision is appealed within 30 days); the operator decides it, upheld or
/// overturned (as a card dispute is won or lost). Overturned, the charge is reversed in the same write, and may be replaced.
/// </summary>
public static class AppealDecisions
{
    public static Decision Appeal(Complaint state, AppealCharge c, Actor actor, PartyDirectory parties, TimeSpan window, DateTimeOffset now)
    {
        if (state.Charges.Find(x => x.Id == c.ChargeId) is not { } charge)
            return Refuse(RefusalCode.UnknownCharge, $"This complaint has no charge {c.ChargeId}.");
        if (actor.PartyId != charge.Party || actor.IsOperator)
            return Refuse(RefusalCode.NotTheChargedParty, actor.IsOperator
                ? "The operator decides appeals; only the party charged makes one."
                : $"Only {parties.NameOf(charge.Party)}, the party charged, may appeal this charge.");
        if (charge.Reversal is { } reversal)
            return Refuse(RefusalCode.ChargeAlreadyReversed, $"Charge {c.ChargeId} was already reversed on {reversal.At:yyyy-MM-dd}: \"{reversal.Reason}\"; there is nothing to appeal.");
        if (charge.Appeal is { } appeal)
            return Refuse(RefusalCode.AppealAlreadyMade, appeal.Decision is { } decision
                ? $"This charge was appealed on {appeal.At:yyyy-MM-dd} and the appeal was {Outcome(decision.Outcome)} on {decision.At:yyyy-MM-dd}; a charge is appealed once."
                : $"This charge was appealed on {appeal.At:yyyy-MM-dd} and the appeal is still open.");
        var closes = charge.At + window;
        if (now > closes)
            return Refuse(RefusalCode.AppealWindowClosed,
                $"A charge may be appealed within {window.TotalDays:0} days of being made; this one was made on {Wording.Time(charge.At)} and the window closed on {Wording.Time(closes)}.");
        if (string.IsNullOrWhiteSpace(c.Statement))
            return Refuse(RefusalCode.StatementMissing, "Say why the charge is wrong: the statement is empty.");
        return Emit(new ChargeAppealed(charge.Id, actor.PartyId, c.Statement, c.Evidence, now));
    }

    /// <summary>
    /// An overturned appeal reverses the charge with the decision's reason; a charge the operator already reversed while
    /// its appeal was open is not reversed twice, and cannot then be replaced here (the reversal could have replaced it).
    /// </summary>
    public static Decision Decide(Complaint state, DecideAppeal c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator decides appeals.");
        if (state.Charges.Find(x => x.Id == c.ChargeId) is not { } charge)
            return Refuse(RefusalCode.UnknownCharge, $"This complaint has no charge {c.ChargeId}.");
        if (charge.Appeal is not { Decision: null })
            return Refuse(RefusalCode.NoOpenAppeal, charge.Appeal is { Decision: { } decided }
                ? $"The appeal of charge {c.ChargeId} was already {Outcome(decided.Outcome)} on {decided.At:yyyy-MM-dd}."
                : $"Charge {c.ChargeId} has not been appealed.");
        if (string.IsNullOrWhiteSpace(c.Reason))
            return Refuse(RefusalCode.ReasonMissing, "Say why the appeal is decided so: the reason is empty.");
        var decidedNow = new AppealDecided(charge.Id, c.Outcome, c.Reason, actor.PartyId, now);
        if (c.Outcome == AppealOutcome.Upheld)
            return c.Replacement is null
                ? Emit(decidedNow)
                : Refuse(RefusalCode.ReplacementNeedsOverturn, "An upheld charge stands, so nothing replaces it: leave the replacement out, or overturn the appeal.");
        if (charge.Reversal is { } reversal)
            return c.Replacement is null
                ? Emit(decidedNow)
                : Refuse(RefusalCode.ChargeAlreadyReversed, $"Charge {c.ChargeId} was already reversed on {reversal.At:yyyy-MM-dd}; overturn the appeal without a replacement.");
        var reversed = ChargeDecisions.Reverse(state, new ReverseCharge(charge.Id, c.Reason, c.Replacement), actor, parties, now);
        return reversed.Refusal is not null ? reversed : Emit([decidedNow, .. reversed.Events]);
    }

    private static string Outcome(AppealOutcome outcome) => outcome == AppealOutcome.Upheld ? "upheld" : "overturned";
}
