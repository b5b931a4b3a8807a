-- Requested, awarded, released and awaiting money per funding round (FundingSummaryService).
-- bench/bench.sh runs this same file with pgbench beside GET /funding/summary.
with line_figures as (
    select b.round_id,
           coalesce(sum(l.amount_requested) filter (where b.status in ('SUBMITTED', 'DECIDED')), 0) requested,
           coalesce(sum(l.amount_awarded) filter (where b.status = 'DECIDED'), 0) awarded,
           coalesce(sum(l.amount_requested) filter (where b.status = 'SUBMITTED'), 0) awaiting,
           count(distinct b.id) filter (where b.status in ('SUBMITTED', 'DECIDED')) bids,
           count(distinct b.id) filter (where b.status = 'DECIDED' and l.amount_awarded > 0) successful,
           count(l.id) filter (where b.status in ('SUBMITTED', 'DECIDED')) lines
      from bid b join bid_line l on l.bid_id = b.id
     group by b.round_id),
released as (
    select b.round_id, sum(a.released) released
      from award a join bid_line l on l.id = a.bid_line_id join bid b on b.id = l.bid_id
     group by b.round_id)
select r.id, r.name, r.programme, r.status,
       coalesce(f.requested, 0) requested, coalesce(f.awarded, 0) awarded, coalesce(x.released, 0) released,
       coalesce(f.awaiting, 0) awaiting, coalesce(f.bids, 0) bids, coalesce(f.successful, 0) successful,
       coalesce(f.lines, 0) lines
  from funding_round r
  left join line_figures f on f.round_id = r.id
  left join released x on x.round_id = r.id
 order by r.opens_on, r.name;
