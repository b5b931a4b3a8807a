-- GET /projects?stage=:stage&limit=50 (ProjectSearch.list, then the participants of the page's
-- projects in one query; :ids is the page's 50 project ids, looked up by bench.sh).
select p.* from project p where true and p.stage = :stage order by p.name, p.id limit 50 offset 0;
select count(*) from project p where true and p.stage = :stage;
select ppi1_0.project_id, ppi1_0.partner_id from project_partner ppi1_0
 where ppi1_0.project_id = any (cast(:ids as uuid[]));
