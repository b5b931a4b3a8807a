package org.estatehub.asset.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.EpcBand;
import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.Holding;
import org.estatehub.api.model.Occupancy;
import org.estatehub.api.model.PartnerType;
import org.estatehub.api.model.Tenure;
import org.estatehub.api.model.Visibility;
import org.estatehub.asset.geo.OsGrid;
import org.estatehub.asset.mapping.Postcodes;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.partner.Partner;

import static org.estatehub.asset.csv.TransparencyColumns.*;

/**
 * Reads and checks one row of a land and building assets file for one owner. Every problem in the row is
 * collected, so the caller can fix the whole file in one pass; what is worth knowing but does not stop the
 * row (no coordinates, no tenure, a partial postcode, repaired text) is a warning.
 */
final class ImportRowParser {

    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");
    private static final Pattern EXCEL_NUMBER = Pattern.compile("^[0-9]+(\\.[0-9]+)?[eE]\\+?[0-9]+$");
    private static final Pattern GSS_CODE = Pattern.compile("^[ENSW][0-9]{8}$");
    /** The outward half of a postcode alone ("WA14", "ME1"). */
    private static final Pattern OUTWARD_CODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?$");
    /** A full postcode at the end of a one-column address ("..., Maidstone ME15 6JQ"). */
    private static final Pattern TRAILING_POSTCODE = Pattern.compile(
            "(?:^|[\\s,])([A-Za-z]{1,2}[0-9][A-Za-z0-9]?\\s*[0-9][A-Za-z]{2})[\\s.,]*$");
    private static final Pattern EPC = Pattern.compile("^(?:EPC(?:\\s*(?:RATING|BAND))?[\\s:]*)?([A-G])(?:\\s*[(\\[]?\\s*[0-9]{1,3}\\s*[)\\]]?)?$");
    private static final Pattern NOT_NAME_CHARS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final Pattern URI_SCHEME = Pattern.compile("^(?:https?://)?(?:www\\.)?");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+");
    private static final Pattern NO_EPC = Pattern.compile("^(N/?A|NONE|NOT APPLICABLE|NOT REQUIRED|EXEMPT|-+)$");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{2}|[0-9]{4})$");
    private static final Pattern ISO_DATE = Pattern.compile("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ][0-9:.]+Z?)?$");
    private static final Pattern AREA_UNITS = Pattern.compile("(?i)\\s*(sq\\.?\\s*m(etres?)?|sqm|m2|m²|square\\s+metres?)\\s*$");
    private static final Pattern HECTARE_UNITS = Pattern.compile("(?i)\\s*(ha|hectares?)\\s*$");

    // The UK's extent (with its islands), as longitude/latitude and as the check of any location.
    private static final double MIN_LAT = 49.8;
    private static final double MAX_LAT = 60.9;
    private static final double MIN_LON = -8.7;
    private static final double MAX_LON = 1.8;

    static final String EPSG_27700 = "EPSG:27700";
    static final String EPSG_4326 = "EPSG:4326";

    private final Partner owner;
    private final ImportHeader header;
    private final Map<TransparencyColumns, Integer> columns;
    private final LocalAuthorities authorities;
    private final String homeAuthority;
    private final List<String> ownerNames;
    private final List<String> ownerUriKeys;
    private final OsGrid grid = new OsGrid();
    /**
     * Whether an organisation cell names the owner, by column kind and text: a register repeats the same few
     * values on every row, so each is checked once.
     */
    private final Map<String, Boolean> organisationChecks = new java.util.HashMap<>();
    private static final int MAX_CACHED_ORGANISATIONS = 64;

    /**
     * @param authorities   the register, read from its in-memory snapshot (no query per row)
     * @param homeAuthority the owner's own authority (GSS code), assumed for a row that names none; may be null
     */
    ImportRowParser(Partner owner, Map<TransparencyColumns, Integer> columns, LocalAuthorities authorities,
            String homeAuthority) {
        this(owner, ImportHeader.of(columns), authorities, homeAuthority);
    }

    ImportRowParser(Partner owner, ImportHeader header, LocalAuthorities authorities, String homeAuthority) {
        this.owner = owner;
        this.header = header;
        this.columns = header.columns;
        this.authorities = authorities;
        this.homeAuthority = homeAuthority;
        this.ownerNames = names(owner, authorities);
        this.ownerUriKeys = uriKeys(owner);
    }

    /** Returns the row, or null after adding its errors to `errors`; warnings are dropped. */
    ImportRow parse(CSVRecord record, int line, List<FieldError> errors) {
        return parse(record, line, errors, new ArrayList<>());
    }

    /** Returns the row, or null after adding its errors to `errors`; adds its warnings to `warnings` either way. */
    ImportRow parse(CSVRecord record, int line, List<FieldError> errors, List<FieldError> warnings) {
        List<FieldError> rowErrors = new ArrayList<>();
        Cells cells = new Cells(record, line, rowErrors, warnings);

        organisations(cells);
        String uprn = uprn(cells);
        String ownReference = cells.text(ASSET_ID, 60);
        String epims = cells.text(EPIMS, 30);
        if (cells.raw(UPRN) == null && ownReference == null && epims == null) {
            cells.error(UPRN, "give a UPRN, an AssetCode (Unique Asset ID) or an e-PIMS reference so the row can be"
                    + " matched on re-import");
        }
        boolean nameIsAddress = !columns.containsKey(NAME);
        String name = cells.text(nameIsAddress ? ADDRESS : NAME, 200);
        if (name == null) {
            cells.error(nameIsAddress ? ADDRESS : NAME, nameIsAddress
                    ? "must not be empty: the file has no PropertyName column, so the address names the asset"
                    : "must not be empty");
        }
        String number = cells.text(STREET_NUMBER, 20);
        String streetOnly = cells.text(STREET, 180);
        String street = number == null ? streetOnly : streetOnly == null ? number : number + " " + streetOnly;
        String address = nameIsAddress ? name : cells.text(ADDRESS, 200);
        String addressPostcode = null;
        if (address != null) {
            // One address column is kept whole as the street (its parts cannot be told apart reliably); a
            // full postcode at its end is also read as the postcode when the file has no postcode of its own.
            if (street == null) {
                street = address;
            } else {
                cells.keep(ADDRESS);
            }
            Matcher m = TRAILING_POSTCODE.matcher(address);
            if (m.find()) {
                addressPostcode = Postcodes.normalise(m.group(1));
            }
        }
        String town = cells.text(TOWN, 100);
        String postcode = postcode(cells, addressPostcode);

        Location location = location(cells);

        Tenure tenure = tenure(cells);
        Occupancy occupancy = occupancy(cells);
        Holding holding = holding(cells);
        AssetType assetType = cells.choice(ASSET_TYPE, AssetType.values(), null);
        Boolean landOnly = cells.yesNo(LAND_ONLY);
        if (landOnly == null) {
            landOnly = holding == Holding.LAND || assetType == AssetType.LAND || assetType == AssetType.CAR_PARK;
        }
        if (assetType == null && cells.raw(ASSET_TYPE) == null) {
            assetType = landOnly ? AssetType.LAND : AssetType.OTHER;
        }
        String localAuthority = localAuthority(cells);
        BigDecimal area = cells.decimal(AREA, AREA_UNITS, BigDecimal.ZERO, new BigDecimal("9999999999"));
        BigDecimal landArea = cells.decimal(LAND_AREA, HECTARE_UNITS, BigDecimal.ZERO, new BigDecimal("99999999"));
        EpcBand epc = epc(cells);
        LocalDate effectiveDate = date(cells, EFFECTIVE_DATE);
        BigDecimal cost = cells.money(RUNNING_COST);
        BigDecimal utilisation = cells.decimal(UTILISATION, null, BigDecimal.ZERO, BigDecimal.valueOf(100));
        AssetStatus status = cells.choice(STATUS, AssetStatus.values(), AssetStatus.OPERATIONAL);
        if (status == AssetStatus.DISPOSED) {
            cells.error(STATUS, "disposals are recorded with POST /assets/{assetId}/disposal, not by import");
        }
        Integer desks = cells.integer(DESKS, 0, 10_000);
        if (landOnly && desks != null && desks > 0) {
            cells.error(DESKS, "land without buildings has no desks");
        }
        Visibility visibility = cells.choice(VISIBILITY, Visibility.values(), Visibility.PARTNERSHIP);

        if (!rowErrors.isEmpty()) {
            errors.addAll(rowErrors);
            return null;
        }
        return new ImportRow(line, uprn, ownReference, name, assetType, landOnly, street, town, postcode, localAuthority,
                location == null ? null : location.latitude, location == null ? null : location.longitude, tenure,
                area == null ? null : area.setScale(2, RoundingMode.HALF_UP), cost,
                utilisation == null ? null : utilisation.setScale(2, RoundingMode.HALF_UP), status,
                desks == null ? 0 : desks, visibility, epims, occupancy, holding,
                landArea == null ? null : landArea.setScale(4, RoundingMode.HALF_UP), epc, effectiveDate,
                location == null ? null : location.system, location != null && location.stated,
                cells.sourceColumns());
    }

    // ---- organisation

    /** Every organisation column, and every copy of one, must name the owner. */
    private void organisations(Cells cells) {
        for (int i = 0; i < header.size(); i++) {
            TransparencyColumns column = header.typeAt[i];
            if (column == null || !ImportHeader.ORGANISATION_COLUMNS.contains(column)) {
                continue;
            }
            String value = cells.at(i);
            if (value == null) {
                continue;
            }
            if (!header.primary[i]) {
                cells.keepAt(i);
            }
            boolean uri = column == ORGANISATION_URI || looksLikeUri(value);
            String key = (uri ? "u:" : "n:") + value;
            Boolean matches = organisationChecks.get(key);
            if (matches == null) {
                matches = uri ? uriMatches(value) : ownerNames.contains(plainKey(value));
                // Bounded, so that a file of distinct values costs no more memory than its rows do.
                if (organisationChecks.size() < MAX_CACHED_ORGANISATIONS) {
                    organisationChecks.put(key, matches);
                }
            }
            if (!matches) {
                cells.errorAt(i, "'" + value + "' is not " + owner.name + " (" + ownerDescription()
                        + "); a file holds one owner's assets");
            }
        }
    }

    private String ownerDescription() {
        List<String> parts = new ArrayList<>();
        parts.add("id " + owner.id);
        if (owner.shortName != null) {
            parts.add("short name " + owner.shortName);
        }
        if (isCouncil(owner) && owner.localAuthority != null) {
            parts.add("GSS code " + owner.localAuthority);
        }
        if (owner.organisationUri != null) {
            parts.add(owner.organisationUri);
        }
        return String.join(", ", parts);
    }

    private static boolean looksLikeUri(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private boolean uriMatches(String value) {
        String key = uriKey(value);
        if (ownerUriKeys.contains(key)) {
            return true;
        }
        // statistics.data.gov.uk/id/statistical-geography/E07000110 or opendatacommunities.org/id/
        // district-council/maidstone: the last path segment names the authority.
        String last = key.substring(key.lastIndexOf('/') + 1);
        return !last.isEmpty() && (ownerNames.contains(last)
                || isCouncil(owner) && last.equalsIgnoreCase(owner.localAuthority == null ? "" : owner.localAuthority));
    }

    /** A URI compared without its scheme, "www.", case or trailing slash. */
    private static String uriKey(String uri) {
        String key = URI_SCHEME.matcher(uri.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        while (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    private static List<String> uriKeys(Partner owner) {
        return owner.organisationUri == null ? List.of() : List.of(uriKey(owner.organisationUri));
    }

    private static boolean isCouncil(Partner partner) {
        return partner.type == PartnerType.COUNTY_COUNCIL || partner.type == PartnerType.DISTRICT_COUNCIL
                || partner.type == PartnerType.UNITARY_COUNCIL;
    }

    /** Names compared lower-case, "&" as "and", spaces and punctuation as single spaces. */
    private static String plainKey(String value) {
        return NOT_NAME_CHARS.matcher(ImportText.plainSpaces(value).toLowerCase(Locale.ROOT).replace("&", " and "))
                .replaceAll(" ").strip();
    }

    /**
     * What the organisation columns may say for this owner: its id, name and short name; for a council
     * its authority's GSS code, name and official name; and the opendatacommunities slug of the name
     * ("maidstone" for Maidstone Borough Council).
     */
    private static List<String> names(Partner partner, LocalAuthorities authorities) {
        List<String> names = new ArrayList<>();
        names.add(plainKey(partner.id));
        names.add(partner.id.toLowerCase(Locale.ROOT));
        if (partner.name != null) {
            names.add(plainKey(partner.name));
            names.add(slug(partner.name));
        }
        if (partner.shortName != null) {
            names.add(plainKey(partner.shortName));
        }
        if (isCouncil(partner) && partner.localAuthority != null) {
            names.add(partner.localAuthority.toLowerCase(Locale.ROOT));
            authorities.find(partner.localAuthority).ifPresent(a -> {
                names.add(plainKey(a.name));
                names.add(slug(a.name));
                if (a.officialName != null) {
                    names.add(plainKey(a.officialName));
                }
            });
        }
        return names;
    }

    /** The slug opendatacommunities.org gives a council: its name without the kind of council, kebab-case. */
    static String slug(String name) {
        String plain = plainKey(name).replaceAll(" (borough|district|city|county|metropolitan borough) council$", "")
                .replaceAll(" council$", "").replaceAll("^(london borough of|royal borough of|city of) ", "");
        return plain.replace(' ', '-');
    }

    // ---- identifiers and address

    /**
     * A UPRN is a number: leading zeros are not part of it ("000100012345" is 100012345), so they are
     * removed and the rest must be 1 to 12 digits.
     */
    private static String uprn(Cells cells) {
        String raw = cells.raw(UPRN);
        if (raw == null) {
            return null;
        }
        String value = raw.replace(" ", "");
        if (EXCEL_NUMBER.matcher(value).matches()) {
            cells.error(UPRN, "'" + raw + "' is a number in scientific notation (a spreadsheet shortened it);"
                    + " format the column as text and export the full 12 digits");
            return null;
        }
        if (value.endsWith(".0")) {
            value = value.substring(0, value.length() - 2);
        }
        if (!DIGITS.matcher(value).matches()) {
            cells.error(UPRN, "'" + raw + "' must be 1 to 12 digits (a UPRN is a number)");
            return null;
        }
        String number = LEADING_ZEROS.matcher(value).replaceFirst("");
        if (number.isEmpty()) {
            cells.error(UPRN, "'" + raw + "' is zero, which is no UPRN");
            return null;
        }
        if (number.length() > 12) {
            cells.error(UPRN, "'" + raw + "' has " + number.length() + " digits; a UPRN has at most 12");
            return null;
        }
        return number;
    }

    /**
     * A full postcode, normalised. A partial one ("WA14") is no postcode (the contract's Address.postcode is a
     * full one): it is kept verbatim in the source columns and warned about.
     */
    private static String postcode(Cells cells, String fromAddress) {
        String raw = cells.text(POSTCODE, 10);
        if (raw == null) {
            return fromAddress;
        }
        String postcode = Postcodes.normalise(raw);
        if (Postcodes.isValid(postcode)) {
            return postcode;
        }
        if (OUTWARD_CODE.matcher(postcode).matches()) {
            cells.keep(POSTCODE);
            cells.warning(POSTCODE, "'" + raw + "' is a partial postcode; kept in the source columns, not as the postcode");
            return fromAddress;
        }
        cells.error(POSTCODE, "'" + raw + "' is not a UK postcode");
        return null;
    }

    // ---- location

    private record Location(BigDecimal latitude, BigDecimal longitude, String system, boolean stated) {
    }

    /** GeoX/GeoY per the row's CoordinateReferenceSystem, or by their range when it states none. */
    private Location location(Cells cells) {
        String x = cells.raw(X);
        String y = cells.raw(Y);
        String xy = cells.name(X) + " and " + cells.name(Y);
        if (x == null && y == null) {
            cells.warning(X, "no coordinates: the asset is in the register but not on maps");
            return null;
        }
        if (x == null || y == null) {
            cells.error(x == null ? X : Y, "is empty while " + cells.name(x == null ? Y : X)
                    + " is not; give both coordinates or neither");
            return null;
        }
        BigDecimal gx = number(cells, X, x);
        BigDecimal gy = number(cells, Y, y);
        String stated = statedSystem(cells);
        if (gx == null || gy == null || "".equals(stated)) {
            return null;
        }
        double dx = gx.doubleValue();
        double dy = gy.doubleValue();
        boolean lonLat = inUkLonLat(dx, dy);
        String system = stated != null ? stated : lonLat ? EPSG_4326 : EPSG_27700;
        if (EPSG_4326.equals(system)) {
            if (!lonLat) {
                if (inUkLonLat(dy, dx)) {
                    cells.error(X, xy + " (" + x + ", " + y + ") look swapped: " + cells.name(X)
                            + " is the longitude and " + cells.name(Y) + " the latitude");
                } else {
                    cells.error(X, xy + " (" + x + ", " + y + ") as longitude/latitude lie outside the United Kingdom");
                }
                return null;
            }
            return new Location(gy.setScale(6, RoundingMode.HALF_UP), gx.setScale(6, RoundingMode.HALF_UP), system,
                    stated != null);
        }
        if (dx < 0 || dx > 700_000 || dy < 0 || dy > 1_300_000) {
            cells.error(X, xy + " (" + x + ", " + y + ") are neither British National Grid easting/northing"
                    + (stated != null ? "" : " nor longitude/latitude in the United Kingdom")
                    + (stated == null && inUkLonLat(dy, dx) ? " (swapped longitude/latitude?)" : ""));
            return null;
        }
        double[] latLon = grid.toLatLon(dx, dy);
        if (!inUkLonLat(latLon[1], latLon[0])) {
            cells.error(X, xy + " (" + x + ", " + y + ") as easting/northing lie outside the United Kingdom");
            return null;
        }
        return new Location(BigDecimal.valueOf(latLon[0]).setScale(6, RoundingMode.HALF_UP),
                BigDecimal.valueOf(latLon[1]).setScale(6, RoundingMode.HALF_UP), system, stated != null);
    }

    private static boolean inUkLonLat(double lon, double lat) {
        return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
    }

    private static BigDecimal number(Cells cells, TransparencyColumns column, String value) {
        try {
            return new BigDecimal(value.replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            cells.error(column, "'" + value + "' is not a number");
            return null;
        }
    }

    /**
     * The system the row states, null when it states none, "" after an error. ETRS89 (EPSG:4258) is taken as
     * WGS84: in the UK the two differ by less than a metre, less than any asset's extent.
     */
    private static String statedSystem(Cells cells) {
        String raw = cells.raw(COORDINATE_SYSTEM);
        if (raw == null) {
            return null;
        }
        String key = raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return switch (key) {
            case "OSGB36", "OSGB1936", "OSGB", "EPSG27700", "27700", "BRITISHNATIONALGRID", "BNG", "OSGB36BNG",
                    "OSGB1936BRITISHNATIONALGRID", "OSNATIONALGRID", "NATIONALGRID" -> EPSG_27700;
            case "WGS84", "WGS1984", "EPSG4326", "4326", "ETRS89", "EPSG4258", "4258", "LATLONG", "LATLON",
                    "LONGLAT" -> EPSG_4326;
            default -> {
                cells.error(COORDINATE_SYSTEM, "'" + raw + "' is not a coordinate system the import reads: OSGB36"
                        + " (EPSG:27700, British National Grid) or WGS84 (EPSG:4326, ETRS89)");
                yield "";
            }
        };
    }

    // ---- tenure, occupancy, holding

    private static Tenure tenure(Cells cells) {
        String raw = cells.raw(TENURE);
        if (raw == null) {
            cells.warning(TENURE, "no tenure");
            return null;
        }
        String value = ImportText.plainSpaces(raw).toLowerCase(Locale.ROOT).strip();
        Tenure tenure = null;
        if (value.contains("freehold")) {
            tenure = Tenure.FREEHOLD;
        } else if (value.contains("leasehold") || value.equals("lease")) {
            tenure = Tenure.LEASEHOLD;
        } else if (value.equals("other") || value.contains("licence") || value.contains("license")
                || value.contains("chattel")) {
            // A chattel (a building the council owns on land it does not, e.g. a kiosk) is neither.
            tenure = Tenure.OTHER;
        }
        if (tenure == null) {
            cells.error(TENURE, "'" + raw + "' is not one of: freehold, leasehold, other (or chattel)");
            return null;
        }
        cells.keepUnless(TENURE, raw, tenure == Tenure.FREEHOLD ? "Freehold" : tenure == Tenure.LEASEHOLD ? "Leasehold" : "Other");
        return tenure;
    }

    private static Occupancy occupancy(Cells cells) {
        String raw = cells.raw(TENURE_DETAIL);
        if (raw == null) {
            return null;
        }
        String value = NOT_LETTERS.matcher(ImportText.plainSpaces(raw).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        Occupancy occupancy;
        if (value.startsWith("owner occupied") || value.startsWith("occupied by") || value.equals("occupied")
                || value.equals("operational")) {
            occupancy = Occupancy.OWNER_OCCUPIED;
        } else if (value.startsWith("sub let") || value.startsWith("sublet") || value.startsWith("sub lease")) {
            occupancy = Occupancy.SUB_LET;
        } else if (value.equals("let") || value.startsWith("let ") || value.startsWith("leased out")
                || value.equals("leased")) {
            occupancy = Occupancy.LET;
        } else if (value.startsWith("licence") || value.startsWith("license")) {
            occupancy = Occupancy.LICENCE;
        } else if (value.equals("vacant") || value.equals("empty") || value.startsWith("vacant ")) {
            occupancy = Occupancy.VACANT;
        } else {
            occupancy = Occupancy.OTHER;
        }
        cells.keepUnless(TENURE_DETAIL, raw, switch (occupancy) {
            case OWNER_OCCUPIED -> "Owner occupied";
            case LET -> "Let";
            case SUB_LET -> "Sub-let";
            case LICENCE -> "Licence";
            case VACANT -> "Vacant";
            case OTHER -> null;
        });
        return occupancy;
    }

    /**
     * Land, building or both. Other wording ("Site", "Structure") is no row error, since a register's
     * HoldingType is free text: it stays verbatim in the source columns with a warning, and no holding.
     */
    private static Holding holding(Cells cells) {
        String raw = cells.raw(HOLDING);
        if (raw == null) {
            return null;
        }
        String value = NOT_LETTERS.matcher(ImportText.plainSpaces(raw).toLowerCase(Locale.ROOT).replace("&", " and "))
                .replaceAll(" ").strip();
        Holding holding = null;
        if (value.contains("land") && value.contains("build")) {
            holding = Holding.LAND_AND_BUILDING;
        } else if (value.startsWith("build")) {
            holding = Holding.BUILDING;
        } else if (value.equals("land") || value.startsWith("land only") || value.startsWith("vacant land")
                || value.contains("park") || value.contains("garden") || value.contains("open space")
                || value.contains("playing field") || value.contains("allotment") || value.contains("cemetery")) {
            holding = Holding.LAND;
        }
        if (holding == null) {
            cells.keep(HOLDING);
            cells.warning(HOLDING, "'" + raw + "' is not land, building or land and building; kept in the source"
                    + " columns, no holding recorded");
            return null;
        }
        cells.keepUnless(HOLDING, raw, switch (holding) {
            case LAND -> "Land";
            case BUILDING -> "Building";
            case LAND_AND_BUILDING -> "Land and building";
        });
        return holding;
    }

    // ---- energy rating, dates

    private static EpcBand epc(Cells cells) {
        String raw = cells.raw(EPC_BAND);
        if (raw == null) {
            return null;
        }
        String value = ImportText.plainSpaces(raw).toUpperCase(Locale.ROOT).strip();
        if (NO_EPC.matcher(value).matches()) {
            return null;
        }
        Matcher m = EPC.matcher(value);
        if (!m.matches()) {
            cells.error(EPC_BAND, "'" + raw + "' is not an EPC band A to G (or N/A)");
            return null;
        }
        return EpcBand.valueOf(m.group(1));
    }

    /**
     * dd/mm/yyyy (also with - or .), yyyy-mm-dd, or dd/mm/yy read as 20yy (the Transparency Code dates from
     * 2014, so no effective date is in the last century).
     */
    private static LocalDate date(Cells cells, TransparencyColumns column) {
        String raw = cells.raw(column);
        if (raw == null) {
            return null;
        }
        try {
            Matcher iso = ISO_DATE.matcher(raw);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
            Matcher dmy = DAY_MONTH_YEAR.matcher(raw);
            if (dmy.matches()) {
                int year = Integer.parseInt(dmy.group(3));
                return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1)));
            }
        } catch (DateTimeException e) {
            cells.error(column, "'" + raw + "' is not a date: " + e.getMessage());
            return null;
        }
        cells.error(column, "'" + raw + "' is not a date (dd/mm/yyyy or yyyy-mm-dd)");
        return null;
    }

    // ---- local authority

    /**
     * A GSS code (any authority in the register: whether a former one may stay is decided against the
     * matched asset, AssetImporter), or the name or official name of exactly one current authority.
     */
    private String localAuthority(Cells cells) {
        if (cells.raw(LOCAL_AUTHORITY) == null) {
            if (homeAuthority == null) {
                cells.error(LOCAL_AUTHORITY, "must be given: " + owner.name + " has no home local authority to assume");
            }
            return homeAuthority;
        }
        String raw = cells.text(LOCAL_AUTHORITY, 200);
        if (raw == null) {
            return null;
        }
        String code = raw.toUpperCase(Locale.ROOT);
        if (GSS_CODE.matcher(code).matches()) {
            if (authorities.find(code).isEmpty()) {
                cells.error(LOCAL_AUTHORITY, "'" + raw + "' is not the GSS code of a UK local authority");
                return null;
            }
            return code;
        }
        List<String> named = authorities.currentNamed(raw);
        if (named.size() == 1) {
            return named.get(0);
        }
        cells.error(LOCAL_AUTHORITY, named.isEmpty()
                ? "'" + raw + "' is neither a GSS code nor the name of a current UK local authority"
                : "'" + raw + "' names " + named.size() + " current local authorities (" + String.join(", ", named)
                        + "); give the GSS code");
        return null;
    }

    /** Typed access to one row's cells; each failure becomes a row error naming the column as the file does. */
    private final class Cells {
        private final String[] values;
        private final boolean[] kept;
        private final int line;
        private final List<FieldError> errors;
        private final List<FieldError> warnings;

        Cells(CSVRecord record, int line, List<FieldError> errors, List<FieldError> warnings) {
            this.line = line;
            this.errors = errors;
            this.warnings = warnings;
            int size = Math.max(record.size(), header.size());
            values = new String[size];
            kept = new boolean[size];
            for (int i = 0; i < record.size(); i++) {
                String value = ImportText.clean(record.get(i));
                if (value.isEmpty()) {
                    continue;
                }
                String repaired = ImportText.repairMisdecoded(value);
                if (repaired != null) {
                    warnings.add(new FieldError().row(line).field(nameAt(i)).message("'" + value
                            + "' looked mis-decoded (UTF-8 once read as Windows-1252) and was read as '" + repaired + "'"));
                    value = repaired;
                }
                values[i] = value;
            }
            repeatedCopies();
        }

        /** A later copy of a typed column must say what the first says; of an organisation column, the owner. */
        private void repeatedCopies() {
            for (int i = 0; i < header.size(); i++) {
                TransparencyColumns column = header.typeAt[i];
                if (column == null || header.primary[i] || ImportHeader.ORGANISATION_COLUMNS.contains(column)
                        || values[i] == null) {
                    continue;
                }
                String first = raw(column);
                if (!values[i].equals(first)) {
                    errorAt(i, "'" + values[i] + "' differs from '" + (first == null ? "" : first) + "' in the first "
                            + name(column) + " column (position " + (columns.get(column) + 1) + ")");
                }
            }
        }

        String nameAt(int index) {
            return index < header.size() ? header.names[index] : "Column " + (index + 1);
        }

        String name(TransparencyColumns column) {
            return header.name(column);
        }

        void error(TransparencyColumns column, String message) {
            errors.add(new FieldError().row(line).field(name(column)).message(message));
        }

        void errorAt(int index, String message) {
            errors.add(new FieldError().row(line).field(nameAt(index)).message(message));
        }

        void warning(TransparencyColumns column, String message) {
            warnings.add(new FieldError().row(line).field(name(column)).message(message));
        }

        String at(int index) {
            return index < values.length ? values[index] : null;
        }

        String raw(TransparencyColumns column) {
            Integer index = columns.get(column);
            return index == null ? null : at(index);
        }

        /** Keeps the column's cell as a source column. */
        void keep(TransparencyColumns column) {
            Integer index = columns.get(column);
            if (index != null) {
                kept[index] = true;
            }
        }

        void keepAt(int index) {
            kept[index] = true;
        }

        /** Keeps the published wording unless it is exactly the label the export writes for the value. */
        void keepUnless(TransparencyColumns column, String raw, String canonical) {
            if (canonical == null || !ImportText.plainSpaces(raw).equals(canonical)) {
                keep(column);
            }
        }

        /**
         * The cells with no typed field (unknown headers, the LGA's OtherDetail, later copies of an
         * organisation column) and those marked kept, in file order, as asset.source_columns' JSON; null for none.
         */
        String sourceColumns() {
            StringBuilder json = null;
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                TransparencyColumns column = i < header.size() ? header.typeAt[i] : null;
                if (column != null && !kept[i]) {
                    continue;
                }
                json = json == null ? new StringBuilder("[") : json.append(',');
                json.append("{\"name\":");
                appendJson(json, nameAt(i));
                json.append(",\"value\":");
                appendJson(json, values[i]);
                json.append('}');
            }
            return json == null ? null : json.append(']').toString();
        }

        String text(TransparencyColumns column, int maxLength) {
            String value = raw(column);
            if (value != null && value.length() > maxLength) {
                error(column, "longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }

        BigDecimal decimal(TransparencyColumns column, Pattern units, BigDecimal min, BigDecimal max) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            String plain = units == null ? value : units.matcher(value).replaceFirst("");
            try {
                BigDecimal number = new BigDecimal(plain.replace(",", "").replace("%", "").strip());
                if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
                    error(column, "must be between " + min.toPlainString() + " and " + max.toPlainString());
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a number");
                return null;
            }
        }

        BigDecimal money(TransparencyColumns column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            String plain = value.replace("£", "").replace(",", "").strip();
            if (!plain.matches("^[0-9]{1,12}(\\.[0-9]{1,2})?$")) {
                error(column, "'" + value + "' is not an amount in pounds and pence");
                return null;
            }
            return new BigDecimal(plain).setScale(2, RoundingMode.UNNECESSARY);
        }

        Integer integer(TransparencyColumns column, int min, int max) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    error(column, "must be between " + min + " and " + max);
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a whole number");
                return null;
            }
        }

        Boolean yesNo(TransparencyColumns column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "1", "land" -> true;
                case "no", "n", "false", "0", "building" -> false;
                default -> {
                    error(column, "'" + value + "' is not yes or no");
                    yield null;
                }
            };
        }

        <E extends Enum<E>> E choice(TransparencyColumns column, E[] options, E fallback) {
            String value = raw(column);
            if (value == null) {
                return fallback;
            }
            String key = value.toUpperCase(Locale.ROOT).replace("&", "AND").replaceAll("[^A-Z0-9]+", "_")
                    .replaceAll("(^_|_$)", "");
            for (E option : options) {
                if (option.name().equals(key)) {
                    return option;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E option : options) {
                allowed.add(option.name());
            }
            error(column, "'" + value + "' is not one of: " + String.join(", ", allowed));
            return null;
        }
    }

    private static void appendJson(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
