-- Grows the scorecards of the tenant "bench" of schema :schema as if each complaint they count had :copies more twins
-- with the same history, set-based, in one transaction: each complaint's fold document, facts and holds copied under a
-- new complaint id, and the per-day sums and duration lists multiplied (a twin adds the same facts to the same days), so
-- the tables hold what the projection would have written for (:copies + 1) times the complaints. The events are not
-- copied: the scorecards' reads do not touch them (bench/lib/grow-tenant.sql grows a tenant's events for its writes).
-- Usage: psql -v ON_ERROR_STOP=1 -v schema=S -v copies=N -f bench/lib/grow-scorecards.sql (bench/bench-scorecards.sh's third argument)
begin;

create temp table twins on commit drop as
    select g, t.id as old, gen_random_uuid() as new
    from generate_series(1, :copies) g, :schema.mt_doc_scorecardtrack t
    where t.tenant_id = 'bench';
create index on twins (old);
analyze twins;

insert into :schema.mt_doc_scorecardtrack (tenant_id, id, data, mt_last_modified, mt_version, mt_dotnet_type)
    select t.tenant_id, n.new, jsonb_set(t.data, '{id}', to_jsonb(n.new)), t.mt_last_modified, t.mt_version, t.mt_dotnet_type
    from twins n join :schema.mt_doc_scorecardtrack t on t.tenant_id = 'bench' and t.id = n.old;

insert into :schema.scorecard_facts (tenant_id, complaint_id, version, kind, party, product, category, at, value, label, liable)
    select f.tenant_id, n.new, f.version, f.kind, f.party, f.product, f.category, f.at, f.value, f.label, f.liable
    from twins n join :schema.scorecard_facts f on f.tenant_id = 'bench' and f.complaint_id = n.old;

insert into :schema.scorecard_holds (tenant_id, complaint_id, version, party, product, category, started_at, ended_at)
    select h.tenant_id, n.new, h.version, h.party, h.product, h.category, h.started_at, h.ended_at
    from twins n join :schema.scorecard_holds h on h.tenant_id = 'bench' and h.complaint_id = n.old;

update :schema.scorecard_party_days set n = n * (:copies + 1), total = total * (:copies + 1) where tenant_id = 'bench';
update :schema.scorecard_product_days set n = n * (:copies + 1) where tenant_id = 'bench';
update :schema.scorecard_duration_days d
    set seconds = (select array_agg(s) from generate_series(0, :copies), unnest(d.seconds) s)
    where tenant_id = 'bench';

commit;
vacuum (analyze) :schema.mt_doc_scorecardtrack, :schema.scorecard_facts, :schema.scorecard_holds, :schema.scorecard_party_days,
    :schema.scorecard_product_days, :schema.scorecard_duration_days;
