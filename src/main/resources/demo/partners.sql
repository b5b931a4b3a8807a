-- The Kent Estates Partnership as described in the partnership's May 2023 report: the county council
-- (accountable body), the twelve district councils, Kent Police, Kent Fire and Rescue, health bodies,
-- the ambulance service, the three universities and the Kent Association of Local Councils.
--
-- Each partner names the local authority it is based in by GSS code: a council its own area (Kent County
-- Council E10000016, each district council its district, Medway E06000035), other bodies the authority of
-- their headquarters: Kent Police, Kent Fire and Rescue and the NHS trusts in Kent as before; the ambulance
-- service (Crawley, West Sussex) and the University of Greenwich (a London borough) from outside Kent, since
-- partners may sit anywhere in the UK. The ICB and KALC serve the whole county and Medway: no authority.
insert into partner (id, name, short_name, type, local_authority, accountable_body) values
    ('kcc', 'Kent County Council', 'KCC', 'COUNTY_COUNCIL', 'E10000016', true),
    ('ashford', 'Ashford Borough Council', 'Ashford BC', 'DISTRICT_COUNCIL', 'E07000105', false),
    ('canterbury', 'Canterbury City Council', 'Canterbury CC', 'DISTRICT_COUNCIL', 'E07000106', false),
    ('dartford', 'Dartford Borough Council', 'Dartford BC', 'DISTRICT_COUNCIL', 'E07000107', false),
    ('dover', 'Dover District Council', 'Dover DC', 'DISTRICT_COUNCIL', 'E07000108', false),
    ('folkestone-hythe', 'Folkestone & Hythe District Council', 'F&HDC', 'DISTRICT_COUNCIL', 'E07000112', false),
    ('gravesham', 'Gravesham Borough Council', 'Gravesham BC', 'DISTRICT_COUNCIL', 'E07000109', false),
    ('maidstone', 'Maidstone Borough Council', 'Maidstone BC', 'DISTRICT_COUNCIL', 'E07000110', false),
    ('sevenoaks', 'Sevenoaks District Council', 'Sevenoaks DC', 'DISTRICT_COUNCIL', 'E07000111', false),
    ('swale', 'Swale Borough Council', 'Swale BC', 'DISTRICT_COUNCIL', 'E07000113', false),
    ('thanet', 'Thanet District Council', 'Thanet DC', 'DISTRICT_COUNCIL', 'E07000114', false),
    ('tonbridge-malling', 'Tonbridge and Malling Borough Council', 'T&MBC', 'DISTRICT_COUNCIL', 'E07000115', false),
    ('tunbridge-wells', 'Tunbridge Wells Borough Council', 'TWBC', 'DISTRICT_COUNCIL', 'E07000116', false),
    ('kent-police', 'Kent Police', 'Kent Police', 'POLICE', 'E07000110', false),
    ('kent-fire', 'Kent Fire and Rescue Service', 'KFRS', 'FIRE_AND_RESCUE', 'E07000110', false),
    ('nhs-kent-medway', 'NHS Kent and Medway Integrated Care Board', 'NHS K&M ICB', 'NHS', null, false),
    ('ekhuft', 'East Kent Hospitals University NHS Foundation Trust', 'EKHUFT', 'NHS', 'E07000106', false),
    ('kmpt', 'Kent and Medway NHS and Social Care Partnership Trust', 'KMPT', 'NHS', 'E07000110', false),
    ('kcht', 'Kent Community Health NHS Foundation Trust', 'KCHFT', 'NHS', 'E07000110', false),
    ('secamb', 'South East Coast Ambulance Service NHS Foundation Trust', 'SECAmb', 'AMBULANCE', 'E07000226', false),
    ('uni-kent', 'University of Kent', 'UoK', 'UNIVERSITY', 'E07000106', false),
    ('uni-greenwich', 'University of Greenwich', 'UoG', 'UNIVERSITY', 'E09000011', false),
    ('cccu', 'Canterbury Christ Church University', 'CCCU', 'UNIVERSITY', 'E07000106', false),
    ('kalc', 'Kent Association of Local Councils', 'KALC', 'ASSOCIATION', null, false),
    -- Not a Kent district but hosts a shared workspace (Gun Wharf) and works closely with KEP.
    ('medway', 'Medway Council', 'Medway', 'UNITARY_COUNCIL', 'E06000035', false)
on conflict (id) do nothing;

-- The councils' OrganisationURI as the LGA schema gives it (opendatacommunities.org), so that a council's
-- published register names its owner in a way the import recognises (issue #15).
update partner set organisation_uri = 'http://opendatacommunities.org/id/county-council/kent' where id = 'kcc';
update partner set organisation_uri = 'http://opendatacommunities.org/id/district-council/' || id
 where type = 'DISTRICT_COUNCIL' and id not in ('folkestone-hythe', 'tonbridge-malling', 'tunbridge-wells');
update partner set organisation_uri = 'http://opendatacommunities.org/id/district-council/folkestone-and-hythe'
 where id = 'folkestone-hythe';
update partner set organisation_uri = 'http://opendatacommunities.org/id/district-council/tonbridge-and-malling'
 where id = 'tonbridge-malling';
update partner set organisation_uri = 'http://opendatacommunities.org/id/district-council/tunbridge-wells'
 where id = 'tunbridge-wells';
update partner set organisation_uri = 'http://opendatacommunities.org/id/unitary-authority/medway'
 where id = 'medway';

-- The demo partners' email domains, as their Keycloak organizations in the demo overlay
-- (docker/keycloak/estatehub-demo-overlay.json) carry them: the consistency check (GET /identity/consistency)
-- finds the demo partners and their organizations alike.
insert into partner_email_domain (domain, partner_id) values
    ('kent.gov.uk', 'kcc'),
    ('ashford.gov.uk', 'ashford'),
    ('canterbury.gov.uk', 'canterbury'),
    ('dartford.gov.uk', 'dartford'),
    ('dover.gov.uk', 'dover'),
    ('folkestone-hythe.gov.uk', 'folkestone-hythe'),
    ('gravesham.gov.uk', 'gravesham'),
    ('maidstone.gov.uk', 'maidstone'),
    ('sevenoaks.gov.uk', 'sevenoaks'),
    ('swale.gov.uk', 'swale'),
    ('thanet.gov.uk', 'thanet'),
    ('tmbc.gov.uk', 'tonbridge-malling'),
    ('tunbridgewells.gov.uk', 'tunbridge-wells'),
    ('kent.police.uk', 'kent-police'),
    ('kent.fire-uk.org', 'kent-fire'),
    ('kentandmedway.icb.nhs.uk', 'nhs-kent-medway'),
    ('ekhuft.nhs.uk', 'ekhuft'),
    ('kmpt.nhs.uk', 'kmpt'),
    ('kentcht.nhs.uk', 'kcht'),
    ('secamb.nhs.uk', 'secamb'),
    ('kent.ac.uk', 'uni-kent'),
    ('gre.ac.uk', 'uni-greenwich'),
    ('canterbury.ac.uk', 'cccu'),
    ('kentalc.gov.uk', 'kalc'),
    ('medway.gov.uk', 'medway')
-- The demo loader runs at every start with demo data on, as for the partners above.
on conflict (domain) do nothing;
