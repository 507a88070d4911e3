-- Grows the tenant "bench" of schema :schema by :wanted complaints, copies of those there (:copies rounds, the last one
-- of complaints picked at random), set-based, in one transaction: every row a complaint has in the tables a write reads or writes, under a new id, so the copies are real
-- complaints (a handoff of one works like that of its original) and the tables and their indexes weigh what a tenant of
-- that size does. Copy g of a complaint is filed g days before it (the newest page of the list stays the original's).
-- What is copied: the stream (mt_streams) and its events (mt_events: new ids, new sequence numbers after the last, the
-- same versions), the complaint document, its list row, its deadline clocks, its status page (a tracking token hash of
-- its own, in the filing event too) and its webhook deliveries (as delivered). What is not: the scorecards (an API node
-- does not write them; bench/lib/grow-scorecards.sql grows them for the reads), statement entries and idempotent
-- responses (the bench's writes make none).
-- Usage: psql -v ON_ERROR_STOP=1 -v schema=S -v wanted=N -v copies=R -f bench/lib/grow-tenant.sql (bench/lib/tenant.sh's grow_tenant)
begin;

create temp table grown on commit drop as
    select g, old, gen_random_uuid() as new, g * interval '1 day' as earlier,
           encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex') as token_hash
    from (select g, s.id as old from generate_series(1, :copies) g, :schema.mt_streams s
          where s.tenant_id = 'bench' and s.type = 'complaint' order by g, random() limit :wanted) picked;
create index on grown (old);
analyze grown;

insert into :schema.mt_streams (tenant_id, id, type, version, timestamp, created, compacted_version, is_archived)
    select s.tenant_id, n.new, s.type, s.version, s.timestamp - n.earlier, s.created - n.earlier, s.compacted_version, s.is_archived
    from grown n join :schema.mt_streams s on s.tenant_id = 'bench' and s.id = n.old;

insert into :schema.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id,
                               headers, user_name, is_archived)
    select last.seq + row_number() over (order by n.g, e.seq_id), gen_random_uuid(), n.new, e.version,
           case when e.type = 'complaint_filed'
                then e.data || jsonb_build_object('complaintId', n.new, 'trackingTokenHash', n.token_hash) else e.data end,
           e.type, e.timestamp - n.earlier, e.tenant_id, e.mt_dotnet_type, e.correlation_id, e.headers, e.user_name, e.is_archived
    from grown n join :schema.mt_events e on e.tenant_id = 'bench' and e.stream_id = n.old,
         (select coalesce(max(seq_id), 0) as seq from :schema.mt_events) last;
select setval((:'schema' || '.mt_events_sequence')::regclass, (select max(seq_id) from :schema.mt_events));

insert into :schema.mt_doc_complaint (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type, status, holder, vendor_id, product, filed_at)
    select d.tenant_id, n.new, jsonb_set(d.data, '{id}', to_jsonb(n.new)), d.mt_last_modified, d.mt_version, d.mt_dotnet_type,
           d.status, d.holder, d.vendor_id, d.product, d.filed_at - n.earlier
    from grown n join :schema.mt_doc_complaint d on d.tenant_id = 'bench' and d.id = n.old;

insert into :schema.complaint_list (tenant_id, id, filed_at, status, holder, vendor_id, product, accountable, escalated, flagged_rules, parties, due_at, item)
    select l.tenant_id, n.new, l.filed_at - n.earlier, l.status, l.holder, l.vendor_id, l.product, l.accountable, l.escalated,
           l.flagged_rules, l.parties, l.due_at,
           jsonb_set(jsonb_set(l.item::jsonb, '{complaint,id}', to_jsonb(n.new)), '{complaint,filedAt}', to_jsonb(l.filed_at - n.earlier))::json
    from grown n join :schema.complaint_list l on l.tenant_id = 'bench' and l.id = n.old;

insert into :schema.complaint_deadlines (tenant_id, complaint_id, clocks, next_due_at)
    select c.tenant_id, n.new, c.clocks, c.next_due_at
    from grown n join :schema.complaint_deadlines c on c.tenant_id = 'bench' and c.complaint_id = n.old;

insert into :schema.mt_doc_statuspagedocument (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type, token_hash)
    select p.tenant_id, n.new,
           p.data || jsonb_build_object('id', n.new, 'tokenHash', n.token_hash,
                                        'status', p.data -> 'status' || jsonb_build_object('id', n.new, 'tokenHash', n.token_hash)),
           p.mt_last_modified, p.mt_version, p.mt_dotnet_type, n.token_hash
    from grown n join :schema.mt_doc_statuspagedocument p on p.tenant_id = 'bench' and p.id = n.old;

insert into :schema.webhook_deliveries (id, tenant_id, endpoint_id, party_id, complaint_id, complaint_version, event_type, payload,
                                        status, failed_attempts, next_attempt_at, created_at)
    select 'msg_' || left(replace(gen_random_uuid()::text, '-', ''), 24), w.tenant_id, w.endpoint_id, w.party_id, n.new, w.complaint_version,
           w.event_type, replace(w.payload, n.old::text, n.new::text), 'Delivered', 0, w.next_attempt_at - n.earlier, w.created_at - n.earlier
    from grown n join :schema.webhook_deliveries w on w.tenant_id = 'bench' and w.complaint_id = n.old;

commit;
