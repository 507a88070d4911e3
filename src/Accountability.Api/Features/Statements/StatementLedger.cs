using Accountability.Api.Features.Complaints.Writing;
using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Marten;

namespace Accountability.Api.Features.Statements;

/// <summary>
/// Writes, in the write's own transaction, an entry for each event a statement shows, in the first of its candidate
/// periods not closed at that moment (<see cref="StatementEntry.Candidates"/>). The write shares the marketplace's
/// statement lock from before it looks at the closes until it commits; a close takes it alone.
/// </summary>
public sealed class StatementLedger : IComplaintWriteReaction
{
    public void React(IDocumentSession session, WrittenComplaint written)
    {
        var entries = written.Steps
            .Select(s => StatementEntry.Of(s.After.Id, s.After.Version, s.Event, id => s.After.Charges.Find(c => c.Id == id)))
            .OfType<StatementEntry>().ToList();
        if (entries.Count == 0)
            return;
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        session.QueueOperation(new SharedStatementLock(session.TenantId));
        var zone = written.Context.Policy.Statements.Zone();
        foreach (var entry in entries)
        {
            session.QueueSqlCommand($"""
                insert into {schema}.{StatementTables.Entries}
                (tenant_id, complaint_id, version, party, period, kind, charge_id, currency, amount_minor, at, charged_at, outcome)
                values (?, ?, ?, ?, (select c.p from unnest(?::text[]) with ordinality c(p, i)
                    where not exists (select 1 from {schema}.{StatementTables.Closes} s where s.tenant_id = ? and s.period = c.p) order by c.i limit 1),
                    ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """, session.TenantId, entry.ComplaintId, entry.Version, entry.Party,
                entry.Candidates(zone).Select(p => p.ToString()).ToArray(), session.TenantId,
                entry.Kind.ToString(), entry.ChargeId, entry.Amount.Currency, entry.Amount.ToMinorUnits(), entry.At, entry.ChargedAt,
                (object?)entry.Outcome?.ToString() ?? DBNull.Value);
        }
    }
}
