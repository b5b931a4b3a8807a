-- The Kent Estates Partnership as described in the partnership's May 2023 report: the county council
-- (accountable body), the twelve district councils, Kent Police, Kent Fire and Rescue, health bodies,
-- the ambulance service, the three universities and the Kent Association of Local Councils.
insert into partner (id, name, short_name, type, district, accountable_body) values
    ('kcc', 'Kent County Council', 'KCC', 'COUNTY_COUNCIL', 'MAIDSTONE', true),
    ('ashford', 'Ashford Borough Council', 'Ashford BC', 'DISTRICT_COUNCIL', 'ASHFORD', false),
    ('canterbury', 'Canterbury City Council', 'Canterbury CC', 'DISTRICT_COUNCIL', 'CANTERBURY', false),
    ('dartford', 'Dartford Borough Council', 'Dartford BC', 'DISTRICT_COUNCIL', 'DARTFORD', false),
    ('dover', 'Dover District Council', 'Dover DC', 'DISTRICT_COUNCIL', 'DOVER', false),
    ('folkestone-hythe', 'Folkestone & Hythe District Council', 'F&HDC', 'DISTRICT_COUNCIL', 'FOLKESTONE_AND_HYTHE', false),
    ('gravesham', 'Gravesham Borough Council', 'Gravesham BC', 'DISTRICT_COUNCIL', 'GRAVESHAM', false),
    ('maidstone', 'Maidstone Borough Council', 'Maidstone BC', 'DISTRICT_COUNCIL', 'MAIDSTONE', false),
    ('sevenoaks', 'Sevenoaks District Council', 'Sevenoaks DC', 'DISTRICT_COUNCIL', 'SEVENOAKS', false),
    ('swale', 'Swale Borough Council', 'Swale BC', 'DISTRICT_COUNCIL', 'SWALE', false),
    ('thanet', 'Thanet District Council', 'Thanet DC', 'DISTRICT_COUNCIL', 'THANET', false),
    ('tonbridge-malling', 'Tonbridge and Malling Borough Council', 'T&MBC', 'DISTRICT_COUNCIL', 'TONBRIDGE_AND_MALLING', false),
    ('tunbridge-wells', 'Tunbridge Wells Borough Council', 'TWBC', 'DISTRICT_COUNCIL', 'TUNBRIDGE_WELLS', false),
    ('kent-police', 'Kent Police', 'Kent Police', 'POLICE', 'MAIDSTONE', false),
    ('kent-fire', 'Kent Fire and Rescue Service', 'KFRS', 'FIRE_AND_RESCUE', 'MAIDSTONE', false),
    ('nhs-kent-medway', 'NHS Kent and Medway Integrated Care Board', 'NHS K&M ICB', 'NHS', null, false),
    ('ekhuft', 'East Kent Hospitals University NHS Foundation Trust', 'EKHUFT', 'NHS', 'CANTERBURY', false),
    ('kmpt', 'Kent and Medway NHS and Social Care Partnership Trust', 'KMPT', 'NHS', 'MAIDSTONE', false),
    ('kcht', 'Kent Community Health NHS Foundation Trust', 'KCHFT', 'NHS', 'MAIDSTONE', false),
    ('secamb', 'South East Coast Ambulance Service NHS Foundation Trust', 'SECAmb', 'AMBULANCE', null, false),
    ('uni-kent', 'University of Kent', 'UoK', 'UNIVERSITY', 'CANTERBURY', false),
    ('uni-greenwich', 'University of Greenwich', 'UoG', 'UNIVERSITY', null, false),
    ('cccu', 'Canterbury Christ Church University', 'CCCU', 'UNIVERSITY', 'CANTERBURY', false),
    ('kalc', 'Kent Association of Local Councils', 'KALC', 'ASSOCIATION', null, false),
    -- Not a Kent district but hosts a shared workspace (Gun Wharf) and works closely with KEP.
    ('medway', 'Medway Council', 'Medway', 'UNITARY_COUNCIL', 'MEDWAY', false)
on conflict (id) do nothing;
