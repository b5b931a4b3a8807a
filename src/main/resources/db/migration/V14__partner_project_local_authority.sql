-- Partners and projects name their local authority by ONS GSS code (local_authority, V13) instead of the
-- thirteen-value district enum, which only knew Kent's districts and Medway. Same nullability as before:
-- a partner without an authority (a body serving the whole county) and a project across the whole
-- partnership (the PMO, the shared workspaces in Kent and Medway, the development fund) keep null. Such a
-- project is deliberately not given Kent County Council's code: it spans Medway, which is not in Kent
-- County Council's area, and null is what the pipeline dashboard has always counted as partnership-wide.
--
-- The enum's names map to the authorities they always meant.
create temporary table district_authority (district varchar(30) primary key, code varchar(9) not null)
    on commit drop;
insert into district_authority values
    ('ASHFORD', 'E07000105'), ('CANTERBURY', 'E07000106'), ('DARTFORD', 'E07000107'), ('DOVER', 'E07000108'),
    ('FOLKESTONE_AND_HYTHE', 'E07000112'), ('GRAVESHAM', 'E07000109'), ('MAIDSTONE', 'E07000110'),
    ('SEVENOAKS', 'E07000111'), ('SWALE', 'E07000113'), ('THANET', 'E07000114'),
    ('TONBRIDGE_AND_MALLING', 'E07000115'), ('TUNBRIDGE_WELLS', 'E07000116'), ('MEDWAY', 'E06000035');

alter table partner add column local_authority varchar(9) references local_authority (code);
update partner p set local_authority = d.code from district_authority d where d.district = p.district;
-- Dropping the column drops its check constraint with it.
alter table partner drop column district;

alter table project add column local_authority varchar(9) references local_authority (code);
update project p set local_authority = d.code from district_authority d where d.district = p.district;
alter table project drop column district;
-- GET /projects?localAuthority=... and the pipeline dashboard group by it.
create index project_local_authority on project (local_authority);

-- Stored history holds each partner's and project's API representation as it was. Under contract 2.0.0 that
-- representation names the authority as localAuthority (+ localAuthorityName), so old and new events diff
-- field by field without a phantom "district removed, localAuthority added" change at the first edit after
-- the upgrade, and the change feed reads one vocabulary. No function or trigger builds partner or project
-- documents in SQL (V10's asset_audit_doc is the assets' own), so the stored documents are all there is.
create function pg_temp.with_local_authority(doc jsonb) returns jsonb
language sql stable as $$
    select case
        when doc is null or not doc ? 'district' then doc
        else (doc - 'district') || coalesce((select jsonb_build_object('localAuthority', a.code,
                                                                       'localAuthorityName', a.name)
                                               from district_authority d
                                               join local_authority a on a.code = d.code
                                              where d.district = doc ->> 'district'), '{}'::jsonb)
    end
$$;

update audit_event
   set before_doc = pg_temp.with_local_authority(before_doc),
       after_doc = pg_temp.with_local_authority(after_doc)
 where entity_type in ('PARTNER', 'PROJECT')
   and (before_doc ? 'district' or after_doc ? 'district');

-- Gone now rather than at commit, in case Flyway ever runs several migrations in one transaction.
drop function pg_temp.with_local_authority(jsonb);
drop table district_authority;
