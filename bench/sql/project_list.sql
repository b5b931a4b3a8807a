-- GET /projects?stage=:stage&limit=50 (ProjectSearch.list through NativePaging): the page's ids and the
-- total (JDBC), the projects by id (Hibernate's multi-load, one array parameter) and their participants in
-- one query, as in the log with -Dquarkus.hibernate-orm.log.sql=true. :ids is the page's 50 project ids,
-- looked up by bench.sh.
select p.id from project p where true and p.stage = :stage order by p.name, p.id limit 50 offset 0;
select p1_0.id, p1_0.capital_receipts_actual, p1_0.capital_receipts_target, p1_0.created_at, p1_0.description,
       p1_0.homes_actual, p1_0.homes_target, p1_0.jobs_actual, p1_0.jobs_target,
       p1_0.land_released_actual_ha, p1_0.land_released_target_ha, p1_0.lead_partner_id, p1_0.local_authority, p1_0.name,
       p1_0.other_benefits, p1_0.programmes, p1_0.rag_reason, p1_0.rag_status, p1_0.running_cost_savings_actual,
       p1_0.running_cost_savings_target, p1_0.stage, p1_0.type, p1_0.updated_at, p1_0.version
  from project p1_0 where p1_0.id = any (cast(:ids as uuid[]));
select count(*) from project p where true and p.stage = :stage;
select ppi1_0.project_id, ppi1_0.partner_id from project_partner ppi1_0
 where ppi1_0.project_id = any (cast(:ids as uuid[]));
