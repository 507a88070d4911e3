using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using static Accountability.Domain.Decisions.Decision;

namespace Accountability.Domain.Decisions;

/// <summary>What a remedy charges, and how a charge is corrected: never edited, reversed and replaced by new events.</summary>
public static class ChargeDecisions
{
    /// <summary>Why these remedy terms cannot be recorded; null when they can.</summary>
    public static Decision? TermsProblem(RemedyTerms terms, PartyDirectory parties)
    {
        if (!Enum.IsDefined(terms.Kind))
            return Refuse(RefusalCode.InvalidAmount, $"'{terms.Kind}' is not a kind of remedy.");
        if (terms.Amount?.Problem() is { } amountProblem)
            return Refuse(RefusalCode.InvalidAmount, amountProblem);
        if (terms.Kind == RemedyKind.None && terms.Amount is { Amount: > 0 })
            return Refuse(RefusalCode.InvalidAmount, "A remedy of kind None costs nothing: leave the amount out, or name the kind.");
        if (terms.Bearers is not { } bearers)
            return null;
        if (Split.Problem(bearers) is { } splitProblem)
            return Refuse(RefusalCode.SplitNotWhole, splitProblem);
        return bearers.FirstOrDefault(b => !parties.CanHold(b.Party)) is { } stranger
            ? Refuse(RefusalCode.UnknownParty, $"'{stranger.Party}' is not a registered party, so it cannot bear a share.")
            : null;
    }

    /// <summary>
    /// The charges a resolution's remedy makes: each bearer's part of the amount (the liable party's alone when no split is
    /// given), split by the largest-remainder method; a part of nothing charges nothing.
    /// </summary>
    public static IEnumerable<ChargeCreated> ChargesOf(Complaint state, string liable, RemedyTerms? terms, Actor actor, DateTimeOffset now)
    {
        if (terms is not { Amount: { Amount: > 0 } amount })
            return [];
        var parts = Split.Allocate(amount, terms.Bearers ?? [new Share(liable, Split.Whole)]).Where(p => p.Part.Amount > 0);
        return parts.Select((p, i) => new ChargeCreated(Charge.IdFor(state.Id, state.Charges.Count + i + 1), p.Party, p.Part, ChargeCause.Remedy,
            actor.PartyId, now));
    }

    /// <summary>The operator reverses a standing charge and may charge a replacement; the complaint's status does not matter.</summary>
    public static Decision Reverse(Complaint state, ReverseCharge c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator reverses charges.");
        if (state.Charges.Find(x => x.Id == c.ChargeId) is not { } charge)
            return Refuse(RefusalCode.UnknownCharge, $"This complaint has no charge {c.ChargeId}.");
        if (charge.Reversal is { } reversal)
            return Refuse(RefusalCode.ChargeAlreadyReversed, $"Charge {c.ChargeId} was already reversed on {reversal.At:yyyy-MM-dd}: \"{reversal.Reason}\".");
        var reversed = new ChargeReversed(charge.Id, c.Reason, actor.PartyId, now);
        if (c.Replacement is not { } replacement)
            return Emit(reversed);
        if (!parties.CanHold(replacement.Party))
            return Refuse(RefusalCode.UnknownParty, $"'{replacement.Party}' is not a registered party, so it cannot be charged.");
        if (replacement.Amount.Problem() is { } amountProblem)
            return Refuse(RefusalCode.InvalidAmount, amountProblem);
        return Emit(reversed, new ChargeCreated(Charge.IdFor(state.Id, state.Charges.Count + 1), replacement.Party, replacement.Amount.Normalized(),
            ChargeCause.Correction, actor.PartyId, now, charge.Id));
    }
}
