#!/usr/bin/env python3
"""Writes this folder's synthetic brownfield register files (README.md says what each one holds).

Run from this folder: python3 make-files.py. The bytes matter (BOM, Windows-1252, CRLF), so the files are
generated rather than edited by hand.
"""

H2017 = ("OrganisationURI,OrganisationLabel,SiteReference,PreviouslyPartOf,SiteNameAddress,SiteplanURL,"
         "CoordinateReferenceSystem,GeoX,GeoY,Hectares,OwnershipStatus,Deliverable,PlanningStatus,PermissionType,"
         "PermissionDate,PlanningHistory,ProposedForPIP,MinNetDwellings,DevelopmentDescription,NonHousingDevelopment,"
         "Part2,NetDwellingsRangeFrom,NetDwellingsRangeTo,HazardousSubstances,SiteInformation,Notes,FirstAddedDate,"
         "LastUpdatedDate,EndDate")
URI = "http://opendatacommunities.org/id/district-council/maidstone"
ROWS = [
    # OSGB36 stated, dd/mm/yyyy dates, a trailing space, a non-breaking space inside a value
    [URI, "Maidstone Borough Council", "{R}-001", "", "Former Springfield Mill, Sandling Road, Maidstone",
     "https://maidstone.example.gov.uk/blr/001.pdf", "OSGB36", "575780", "156900", "2.15 ",
     "not owned by a public authority", "yes", "pending decision", "outline planning permission", "", "", "no", "120",
     "Residential-led mixed use", "Small retail unit", "no", "120", "160", "",
     "Former paper mill; contamination survey 2018", "Notes with a\u00a0non-breaking space", "14/12/2018",
     "10/01/2023", ""],
    # WGS84 stated, ISO dates, planning history separated by |
    [URI, "Maidstone Borough Council", "{R}-002", "{R}-001", "Union Street car park, Maidstone ME14 1ED", "", "WGS84",
     "0.5265", "51.27615", "0.38", "owned by a public authority", "yes", "permissioned", "full planning permission",
     "2021-06-14", "https://pa.example.gov.uk/21/500123|https://pa.example.gov.uk/19/500001", "no", "60", "60 flats",
     "", "no", "60", "60", "", "", "", "2017-12-20", "2023-01-10", ""],
    # No system stated (read by range), the address in triple quotes, an end date
    ["E07000110", "Maidstone", "{R}-003", "", '"""Land at Tovil Green, Tovil, Maidstone"""', "", "", "575550",
     "154720", "1.05", "mixed ownership", "", "not permissioned", "", "", "", "", "10", "", "", "", "10", "25", "", "",
     "", "20/12/2017", "10/01/2023", "31/03/2024"],
    # No coordinates; a newline inside the quoted address
    ["E07000110", "Maidstone BC", "{R}-004", "", "Car park behind the library,\nSt Faith's Street, Maidstone", "", "",
     "", "", "0.2", "unknown ownership", "", "not permissioned", "", "", "", "", "", "", "", "", "", "", "", "", "",
     "20/12/2017", "10/01/2023", ""],
    # EPSG:27700 stated
    [URI, "Maidstone Borough Council", "{R}-005", "", "Former depot, Tonbridge Road, Maidstone", "", "EPSG:27700",
     "574930", "155300", "0.62", "owned by a public authority", "yes", "not permissioned", "", "", "", "", "35", "",
     "", "", "35", "48", "", "", "", "20/12/2017", "10/01/2023", ""],
]


def cell(value):
    """Quotes as spreadsheets do; a value already in quotes (the triple-quoted address) is written as it is."""
    if value.startswith('"'):
        return value
    if any(c in value for c in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def build(ref, rows, header=H2017, nl="\r\n"):
    return nl.join([header] + [",".join(cell(c.replace("{R}", ref)) for c in r) for r in rows]) + nl


open("maidstone-2017-utf8-bom.csv", "wb").write(b"\xef\xbb\xbf" + build("MBC-BLR", ROWS).encode("utf-8"))

# Windows-1252 (what Excel saves as "CSV"): pound signs and non-breaking spaces as single bytes A3 and A0.
rows1252 = [list(r) for r in ROWS[:2]]
rows1252[0][24] = "Remediation estimated at \u00a3250,000"
rows1252[1][25] = "Sold for \u00a31.2m\u00a0(2022)"
open("maidstone-2017-windows-1252.csv", "wb").write(build("MBC-W1252", rows1252).encode("cp1252"))

HPD = ("reference,name,site-address,organisation,hectares,ownership-status,deliverable,planning-permission-status,"
       "planning-permission-type,planning-permission-date,planning-permission-history,minimum-net-dwellings,"
       "maximum-net-dwellings,hazardous-substances,point,site-plan-url,notes,entry-date,start-date,end-date,geometry")
PD = [
    ["DDC-PD-014", "Land at the foot of the Western Heights", "Snargate Street, Dover CT17 9BZ",
     "local-authority-eng:DOV", "1.4", "owned by a public authority", "yes", "not permissioned", "", "", "", "40",
     "55", "", "POINT(1.3069 51.1213)", "", "BLRF2 Round 2 bid", "2022-12-16", "2017-12-19", "", ""],
    # No name (the address stands for it), a space after POINT, a polygon in the unread geometry column
    ["DDC-PD-022", "", "London Road, River, Dover CT16 2NB", "Dover District Council", "3.05", "mixed ownership", "",
     "permissioned", "reserved matters approval", "28/03/2019", "https://planning.dover.example.gov.uk/19/00123",
     "150", "190", "", "POINT (1.2883 51.1406)", "", "", "2022-12-16", "2017-12-19", "",
     "MULTIPOLYGON(((1.28 51.14,1.29 51.14,1.29 51.15,1.28 51.14)))"],
    # No point
    ["DDC-PD-031", "Former Connaught Barracks", "Dover CT16 1HP", "E07000108", "12.4", "not owned by a public authority",
     "no", "pending decision", "", "", "", "", "", "", "", "", "No location recorded", "2022-12-16", "2018-12-14", "",
     ""],
]
open("dover-planning-data.csv", "w", newline="").write(build("", PD, header=HPD, nl="\n"))

# Misspelt headers, as real registers have them (the digital-land specification lists such typos).
open("bad-misspelt-headers.csv", "w", newline="").write(
    build("MBC-BAD", ROWS[:1], header=H2017.replace("Hectares", "Hecatres").replace("SiteReference", "SiteRefernce")))

# Row errors: line 3 a WGS84 row whose GeoX is a latitude (swapped), line 4 an impossible easting, line 5 fewer
# cells than the header, line 6 another council's OrganisationURI. Line 2 is good.
bad = [list(ROWS[0]), list(ROWS[1]), list(ROWS[4]), list(ROWS[4]), list(ROWS[0])]
bad[1][7], bad[1][8] = "51.27615", "0.5265"
bad[2][2] = "{R}-IMP"
bad[2][7] = "9999999"
bad[3] = bad[3][:20]
bad[3][2] = "{R}-SHORT"
bad[4][2] = "{R}-ORG"
bad[4][0] = "http://opendatacommunities.org/id/district-council/dover"
open("bad-rows.csv", "w", newline="").write(build("MBC-ROWS", bad))

open("bad-unterminated-quote.csv", "w", newline="").write(
    H2017 + "\r\n" + URI + ',Maidstone Borough Council,MBC-Q-1,,"Open quote, no end,,,,,\r\n')
