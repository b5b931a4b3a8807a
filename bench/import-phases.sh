#!/usr/bin/env bash
# The import's write statements alone, through psql, on the data of a finished bench/import.sh run: the
# "pgbench" side of the import benchmark (bench/README.md "Import"), so that what the service adds to
# PostgreSQL's own work is visible. The same statements as AssetImporter.save, on the same 100,000 rows
# into the same (otherwise empty) owner, each run in a transaction that is rolled back.
#
#   bench/import-phases.sh [RUNS] [before]    (after bench/import.sh; RUNS [3])
#
# "before": as the import was before V27, in the same rolled-back transaction: the three indexes V27
# dropped put back (asset_owner_uprn, asset_uprn_holders, asset_local_authority_status, V27's
# asset_uprn_owner dropped) and the documents built by the one-argument asset_audit_doc, called per row.
#
# It first takes the run's imported assets out of IMPORT_DB [estatehub_import] (into the table import_rows,
# deleting them, their status history and their audit events, then VACUUM FULL), so the register is as the
# import found it; run bench/import.sh again for a fresh database. PostgreSQL on ESTATEHUB_PG_PORT [5433].
set -euo pipefail
PG_PORT="${ESTATEHUB_PG_PORT:-5433}"
DB="${IMPORT_DB:-estatehub_import}"
RUNS="${1:-3}"
MODE="${2:-after}"
psql_admin() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" "$@"
  else psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" "$@"; fi
}

if [ "$(psql_admin -Atc "select to_regclass('import_rows') is null")" = t ]; then
  psql_admin -v ON_ERROR_STOP=1 <<'SQL'
begin;
create table import_rows as
select * from asset
 where owner_partner_id = 'maidstone'
   and created_at = (select created_at from asset where owner_partner_id = 'maidstone'
                      group by created_at order by count(*) desc limit 1);
delete from audit_event where entity_type = 'ASSET' and entity_id in (select id::text from import_rows);
delete from asset_status_change where asset_id in (select id from import_rows);
delete from asset where id in (select id from import_rows);
commit;
vacuum full asset;
vacuum full audit_event;
vacuum full asset_status_change;
analyze;
SQL
fi
echo "rows: $(psql_admin -Atc 'select count(*) from import_rows'), register: $(psql_admin -Atc 'select count(*) from asset') assets"

columns="$(psql_admin -Atc "select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
  where table_schema = 'public' and table_name = 'import_rows' and column_name not in ('footprint', 'footprint_geography', 'version')")"
# The temporary table as the import leaves it before saving (AssetImporter.createTable, matched, no
# existing asset), then AssetImporter.save's statements for 100,000 new assets, each timed.
before_sql=""
audit_doc="asset_audit_doc(a, la.name)"
if [ "$MODE" = before ]; then
  before_sql="drop index asset_uprn_owner;
create unique index asset_owner_uprn on asset (owner_partner_id, uprn) where uprn is not null;
create index asset_uprn_holders on asset (uprn, owner_partner_id) include (status, visibility) where uprn is not null;
create index asset_local_authority_status on asset (local_authority, status);"
  audit_doc="asset_audit_doc(a)"
fi
# "rebuild" (INDEXES [all]: "all", or a comma-separated list of index names): AssetImporter's bulk path,
# the asset table's secondary indexes dropped before the insert and created again after it (timed as
# "rebuild"), as the import does when it creates a large share of the register.
drop_sql=""
rebuild_sql=""
if [ "$MODE" = rebuild ]; then
  wanted="${INDEXES:-all}"
  filter="true"
  [ "$wanted" != all ] && filter="c.relname = any(string_to_array('$wanted', ','))"
  drop_sql="$(psql_admin -Atc "select string_agg('drop index ' || c.relname || ';', ' ') from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'asset'::regclass and not i.indisunique and not i.indisprimary and $filter")"
  rebuild_sql="\\echo phase rebuild
$(psql_admin -Atc "select string_agg(pg_get_indexdef(i.indexrelid) || ';', ' ') from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'asset'::regclass and not i.indisunique and not i.indisprimary and $filter")"
fi
phases_sql="
begin;
$before_sql
create temp table asset_import on commit drop as
select row_number() over (order by name, id)::int as line, *, id as asset_id, null::varchar(20) as old_status,
       null::boolean as changed, null::jsonb as before_doc
  from import_rows;
analyze asset_import;
\\timing on
\\echo phase asset
$drop_sql
insert into asset ($columns)
select $(echo "$columns" | sed 's/\bid\b/asset_id/') from asset_import where old_status is null;
$rebuild_sql
\\echo phase analyze
analyze asset;
\\echo phase status
insert into asset_status_change (asset_id, from_status, to_status, changed_by, partner_id, reason, changed_at)
select asset_id, old_status, status, 'maidstone.editor', 'maidstone', 'CSV import', now()
  from asset_import where old_status is distinct from status;
\\echo phase audit
insert into audit_event (entity_type, entity_id, action, partner_id, scope_type, scope_id, note, before_doc,
       after_doc, actor_username, actor_partner_id, occurred_at)
select c.entity_type, c.entity_id, c.action, c.partner_id, c.scope_type, c.scope_id, c.note, c.before_doc,
       c.after_doc, 'maidstone.editor', 'maidstone', now()
  from (select 'ASSET' as entity_type, a.id::text as entity_id,
               case when s.old_status is null then 'CREATED' else 'UPDATED' end as action,
               a.owner_partner_id as partner_id, 'ASSET' as scope_type, a.id::text as scope_id,
               'CSV import' as note, s.before_doc, $audit_doc as after_doc, s.line as position
          from asset_import s
          join asset a on a.id = s.asset_id
          left join local_authority la on la.code = a.local_authority
         where s.old_status is null or s.changed) c
 order by c.position;
\\echo phase end
rollback;
"
for run in $(seq 1 "$RUNS"); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$phases_sql" | psql_admin -v ON_ERROR_STOP=1 2>&1 | awk -v run="$run" -v mode="$MODE" -v load="$load" '
    /^phase / { phase = $2; if (phase != "end" && !(phase in t)) order[++n] = phase }
    /^Time: / && phase != "" && phase != "end" { t[phase] += $2; total += $2 }
    /ERROR/ { print }
    END { for (i = 1; i <= n; i++) times = times sprintf(" %s %.2f s,", order[i], t[order[i]] / 1000)
          printf "run %d %s (load %s):%s total %.2f s\n", run, mode, load, times, total / 1000 }'
done
