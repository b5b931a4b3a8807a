-- One row per award (one awarded bid line) for the 360Giving export (GivingExport), in the order of
-- GET /awards: round opening date, round, project name, award id.
select a.id, a.programme, pr.name programme_name, r.name round_name,
       p.name project_name, p.description project_description, l.activities,
       l.amount_requested, a.amount_awarded, a.released, coalesce(b.decided_on, a.created_at::date) award_date,
       a.recipient_partner_id, rp.name recipient_name, rp.type recipient_type,
       rla.la_code recipient_la_code, rla.nation recipient_nation,
       p.local_authority project_la, pla.name project_la_name,
       -- Every row the grant's fields come from; released money moves with claims decided and payments made.
       greatest(a.created_at, b.updated_at, r.updated_at, p.updated_at, rp.updated_at,
                (select max(c.decided_at) from claim c where c.award_id = a.id),
                (select max(x.recorded_at) from payment x where x.award_id = a.id)) modified
  from award a
  join bid_line l on l.id = a.bid_line_id
  join bid b on b.id = l.bid_id
  join funding_round r on r.id = b.round_id
  join programme pr on pr.code = a.programme
  join project p on p.id = a.project_id
  join partner rp on rp.id = a.recipient_partner_id
  left join local_authority rla on rla.code = rp.local_authority
  left join local_authority pla on pla.code = p.local_authority
 where (cast(:programme as text) is null or a.programme = cast(:programme as text))
   and (cast(:roundId as uuid) is null or b.round_id = cast(:roundId as uuid))
 order by r.opens_on, r.name, p.name, a.id
