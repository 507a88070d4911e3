using Accountability.Domain.Complaints;
using Marten;
using Marten.Linq.MatchesSql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Persistence;

/// <summary>
/// The complaint document's indexes for the lists, and the conditions written so PostgreSQL can use them. Marten turns
/// <c>PartiesInvolved.Contains</c> and <c>FlaggedRules.Contains</c> into containment on the whole document, which only a
/// GIN index over all of it serves; that index cost every write of a complaint most of its upsert (decision 0030).
/// </summary>
public static class ComplaintIndexes
{
    public const string PartiesInvolvedIndex = "mt_doc_complaint_idx_parties_involved";
    public const string FlaggedIndex = "mt_doc_complaint_idx_flagged";

    // As PostgreSQL prints it back, so that applying the schema again finds the index unchanged; the lists' condition
    // is the same expression, which is what lets PostgreSQL use an index that holds only some rows.
    private const string IsFlagged = "((data -> 'flaggedRules'::text) <> '[]'::jsonb)";

    public static void Define(StoreOptions options)
    {
        options.Schema.For<Complaint>().GinIndexJsonDataMember(c => c.PartiesInvolved, index => index.Name = PartiesInvolvedIndex);
        // Few complaints are flagged: the flags lists read them a page at a time, in filing order, from this index alone.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(Complaint))
                mapping.Indexes.Add(new IndexDefinition(FlaggedIndex) { Columns = ["tenant_id", "filed_at", "id"], Predicate = IsFlagged });
        });
    }

    /// <summary>The complaints the party holds or has held.</summary>
    public static IQueryable<Complaint> InvolvingParty(this IQueryable<Complaint> query, string party) =>
        query.Where(c => c.MatchesSql("d.data -> 'partiesInvolved' @> jsonb_build_array(?::text)", party));

    /// <summary>The complaints with a flag, of the rule when one is given.</summary>
    public static IQueryable<Complaint> Flagged(this IQueryable<Complaint> query, string? rule = null)
    {
        query = query.Where(c => c.MatchesSql("(d.data -> 'flaggedRules'::text) <> '[]'::jsonb"));
        return rule is null ? query : query.Where(c => c.MatchesSql("d.data -> 'flaggedRules' @> jsonb_build_array(?::text)", rule));
    }
}
