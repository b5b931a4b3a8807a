package org.estatehub.asset.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.EpcBand;
import org.estatehub.api.model.Holding;
import org.estatehub.api.model.Occupancy;
import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.Tenure;
import org.estatehub.api.model.Visibility;
import org.estatehub.authority.LocalAuthority;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.partner.Partner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One Transparency Code row at a time, without a server: every rule of a cell, and all errors at once. */
@Tag("fast")
class ImportRowParserTest {

    private static final int LINE = 7;

    /**
     * A few authorities of the register as V13 loads them, and two made-up ones sharing a name (the real
     * register has no such pair today, but nothing forbids one).
     */
    private static final LocalAuthorities REGISTER = LocalAuthorities.of(List.of(
            authority("E07000110", "Maidstone", "Maidstone Borough Council", "E10000016", true),
            authority("E07000112", "Folkestone and Hythe", "Folkestone and Hythe District Council", "E10000016", true),
            authority("E10000016", "Kent", "Kent County Council", null, true),
            authority("S12000027", "Shetland Islands", "Shetland Islands Council", null, true),
            authority("E07000026", "Allerdale", "Allerdale Borough Council", null, false),
            authority("E07999998", "Twinvale", "Twinvale District Council", null, true),
            authority("E07999997", "Twinvale", "Twinvale Borough Council", null, true)));

    private Partner owner;
    private String homeAuthority;
    private Map<TransparencyColumns, String> cells;

    private static LocalAuthority authority(String code, String name, String officialName, String county,
            boolean current) {
        LocalAuthority a = new LocalAuthority();
        a.code = code;
        a.name = name;
        a.officialName = officialName;
        a.countyCode = county;
        a.current = current;
        a.replacedBy = current ? List.of() : List.of("E06000063");
        a.formerCodes = List.of();
        return a;
    }

    @BeforeEach
    void aValidRow() {
        owner = new Partner();
        owner.id = "maidstone-bc";
        owner.name = "Maidstone Borough Council";
        owner.shortName = "MBC";
        homeAuthority = "E07000110";
        cells = new EnumMap<>(TransparencyColumns.class);
        cells.put(TransparencyColumns.ORGANISATION, "Maidstone Borough Council");
        cells.put(TransparencyColumns.UPRN, "200003684999");
        cells.put(TransparencyColumns.ASSET_ID, "MBC-001");
        cells.put(TransparencyColumns.NAME, "Maidstone House");
        cells.put(TransparencyColumns.STREET_NUMBER, "1");
        cells.put(TransparencyColumns.STREET, "King Street");
        cells.put(TransparencyColumns.TOWN, "Maidstone");
        cells.put(TransparencyColumns.POSTCODE, "me15 6jq");
        cells.put(TransparencyColumns.X, "576000");
        cells.put(TransparencyColumns.Y, "155700");
        cells.put(TransparencyColumns.TENURE, "Freehold");
        cells.put(TransparencyColumns.ASSET_TYPE, "Office");
        cells.put(TransparencyColumns.AREA, "1,250.555");
        cells.put(TransparencyColumns.RUNNING_COST, "£12,345.6");
        cells.put(TransparencyColumns.UTILISATION, "75%");
        cells.put(TransparencyColumns.DESKS, "12");
        cells.put(TransparencyColumns.EPIMS, "EP-9");
    }

    /** Parses the row with every column present, in enum order. */
    private ImportRow parse(List<FieldError> errors) {
        return parse(errors, new ArrayList<>());
    }

    private ImportRow parse(List<FieldError> errors, List<FieldError> warnings) {
        Map<TransparencyColumns, Integer> columns = new EnumMap<>(TransparencyColumns.class);
        List<String> values = new ArrayList<>();
        for (TransparencyColumns column : TransparencyColumns.values()) {
            columns.put(column, column.ordinal());
            values.add(cells.getOrDefault(column, ""));
        }
        return new ImportRowParser(owner, columns, REGISTER, homeAuthority).parse(record(CSVFormat.DEFAULT.format(values.toArray())), LINE,
                errors, warnings);
    }

    private static CSVRecord record(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
            return parser.getRecords().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportRow valid() {
        List<FieldError> errors = new ArrayList<>();
        ImportRow row = parse(errors);
        assertEquals(List.of(), errors);
        assertNotNull(row);
        return row;
    }

    /** The row is refused with exactly this one error (column header and message fragment). */
    private void refused(TransparencyColumns column, String message) {
        List<FieldError> errors = new ArrayList<>();
        assertNull(parse(errors));
        assertEquals(1, errors.size(), errors.toString());
        FieldError error = errors.get(0);
        assertEquals(Integer.valueOf(LINE), error.getRow());
        assertEquals(column.header(), error.getField());
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @Test
    void aFullRowIsReadWithItsValuesNormalised() {
        ImportRow row = valid();
        assertEquals(LINE, row.line());
        assertEquals("200003684999", row.uprn());
        assertEquals("MBC-001", row.ownReference());
        assertEquals("Maidstone House", row.name());
        assertEquals("1 King Street", row.street());
        assertEquals("Maidstone", row.town());
        assertEquals("ME15 6JQ", row.postcode());
        assertEquals("E07000110", row.localAuthority());
        assertEquals(Tenure.FREEHOLD, row.tenure());
        assertEquals(AssetType.OFFICE, row.assetType());
        assertFalse(row.landOnly());
        assertEquals(new BigDecimal("1250.56"), row.grossInternalAreaM2());
        assertEquals(new BigDecimal("12345.60"), row.annualRunningCost());
        assertEquals(new BigDecimal("75.00"), row.utilisationPercent());
        assertEquals(AssetStatus.OPERATIONAL, row.status());
        assertEquals(12, row.sharedWorkspaceDesks());
        assertEquals(Visibility.PARTNERSHIP, row.visibility());
        assertEquals("EP-9", row.epimsReference());
    }

    @Test
    void eastingAndNorthingBecomeLatitudeAndLongitudeToSixPlaces() {
        ImportRow row = valid();
        assertEquals(6, row.latitude().scale());
        assertEquals(6, row.longitude().scale());
        // Central Maidstone: about 51.27 N, 0.52 E.
        assertEquals(51.27, row.latitude().doubleValue(), 0.02);
        assertEquals(0.52, row.longitude().doubleValue(), 0.02);
    }

    @Test
    void theOrganisationMayBeTheOwnersIdNameOrShortNameInAnyCase() {
        for (String name : List.of("maidstone-bc", "MAIDSTONE BOROUGH COUNCIL", "mbc")) {
            cells.put(TransparencyColumns.ORGANISATION, name);
            valid();
        }
        cells.remove(TransparencyColumns.ORGANISATION);
        valid();
        cells.put(TransparencyColumns.ORGANISATION, "Dover District Council");
        refused(TransparencyColumns.ORGANISATION, "is not Maidstone Borough Council");
    }

    @Test
    void aUprnIsANumberOfOneToTwelveDigitsWithoutLeadingZeros() {
        // Changed on purpose (#15): a UPRN is a number, so published leading zeros are dropped, not refused.
        cells.put(TransparencyColumns.UPRN, "0123");
        assertEquals("123", valid().uprn());
        cells.put(TransparencyColumns.UPRN, "000100012345");
        assertEquals("100012345", valid().uprn());
        cells.put(TransparencyColumns.UPRN, "10012345678");
        assertEquals("10012345678", valid().uprn());
        cells.put(TransparencyColumns.UPRN, "1234567890123");
        refused(TransparencyColumns.UPRN, "has 13 digits; a UPRN has at most 12");
        cells.put(TransparencyColumns.UPRN, "1.00023E+11");
        refused(TransparencyColumns.UPRN, "scientific notation");
        cells.put(TransparencyColumns.UPRN, "10001A");
        refused(TransparencyColumns.UPRN, "must be 1 to 12 digits");
        cells.put(TransparencyColumns.UPRN, "000");
        refused(TransparencyColumns.UPRN, "is zero");
    }

    @Test
    void aRowNeedsAUprnOrAnAssetId() {
        cells.remove(TransparencyColumns.UPRN);
        assertEquals("MBC-001", valid().ownReference());
        cells.remove(TransparencyColumns.ASSET_ID);
        assertEquals("EP-9", valid().epimsReference(), "an e-PIMS reference is a key too");
        cells.remove(TransparencyColumns.EPIMS);
        refused(TransparencyColumns.UPRN, "give a UPRN, an AssetCode (Unique Asset ID) or an e-PIMS reference");
    }

    @Test
    void aNameIsRequiredAndTextIsLengthChecked() {
        cells.put(TransparencyColumns.NAME, "   ");
        refused(TransparencyColumns.NAME, "must not be empty");
        cells.put(TransparencyColumns.NAME, "x".repeat(201));
        List<FieldError> errors = new ArrayList<>();
        assertNull(parse(errors));
        // As the parser stands, a too-long name is also reported as empty (the length check returns null).
        assertEquals(List.of("longer than 200 characters", "must not be empty"),
                errors.stream().map(FieldError::getMessage).toList());
    }

    @Test
    void aPostcodeMustBeAUkPostcode() {
        cells.put(TransparencyColumns.POSTCODE, "ZZ");
        refused(TransparencyColumns.POSTCODE, "'ZZ' is not a UK postcode");
    }

    @Test
    void coordinatesAreBothOrNeitherNumbersInsideTheGridAndTheUk() {
        // Changed on purpose (#15): a row without coordinates is valid (a warning), half a location is not.
        cells.remove(TransparencyColumns.X);
        refused(TransparencyColumns.X, "is empty while Y co-ordinate is not; give both coordinates or neither");
        cells.remove(TransparencyColumns.Y);
        List<FieldError> warnings = new ArrayList<>();
        ImportRow none = parse(new ArrayList<>(), warnings);
        assertNull(none.latitude());
        assertNull(none.coordinateSystem());
        assertTrue(warnings.get(0).getMessage().contains("no coordinates"), warnings.toString());
        cells.put(TransparencyColumns.Y, "155700");
        cells.put(TransparencyColumns.X, "east");
        refused(TransparencyColumns.X, "'east' is not a number");
        cells.put(TransparencyColumns.X, "700001");
        refused(TransparencyColumns.X, "are neither British National Grid easting/northing");
        // On the grid, but in the sea west of Ireland.
        cells.put(TransparencyColumns.X, "1");
        cells.put(TransparencyColumns.Y, "1");
        refused(TransparencyColumns.X, "outside the United Kingdom");
    }

    @Test
    void tenureIsReadFromCommonWordings() {
        Map<String, Tenure> wordings = Map.of("Freehold (owned)", Tenure.FREEHOLD, "LEASEHOLD", Tenure.LEASEHOLD,
                "lease", Tenure.LEASEHOLD, "other", Tenure.OTHER, "Licence", Tenure.OTHER);
        wordings.forEach((wording, tenure) -> {
            cells.put(TransparencyColumns.TENURE, wording);
            assertEquals(tenure, valid().tenure(), wording);
        });
        cells.put(TransparencyColumns.TENURE, "rented");
        refused(TransparencyColumns.TENURE, "'rented' is not one of: freehold, leasehold, other");
        // Changed on purpose (#15): no tenure is a warning, not an error.
        cells.remove(TransparencyColumns.TENURE);
        List<FieldError> warnings = new ArrayList<>();
        assertNull(parse(new ArrayList<>(), warnings).tenure());
        assertEquals("no tenure", warnings.get(0).getMessage());
        cells.put(TransparencyColumns.TENURE, "Chattel");
        assertEquals(Tenure.OTHER, valid().tenure());
        cells.put(TransparencyColumns.TENURE, "Freehold\u00A0");
        ImportRow row = valid();
        assertEquals(Tenure.FREEHOLD, row.tenure());
        assertNull(row.sourceColumns(), "the canonical wording after trimming is not kept");
    }

    @Test
    void theCoordinateSystemIsStatedOrDecidedByRange() {
        cells.put(TransparencyColumns.COORDINATE_SYSTEM, "British National Grid");
        ImportRow grid = valid();
        assertEquals("EPSG:27700", grid.coordinateSystem());
        assertTrue(grid.coordinateSystemStated());
        for (String wgs : List.of("WGS84", "WGS 1984", "EPSG:4326", "ETRS89", "EPSG:4258")) {
            cells.put(TransparencyColumns.COORDINATE_SYSTEM, wgs);
            cells.put(TransparencyColumns.X, "0.5221");
            cells.put(TransparencyColumns.Y, "51.2764");
            ImportRow row = valid();
            assertEquals("EPSG:4326", row.coordinateSystem(), wgs);
            assertEquals(new BigDecimal("51.276400"), row.latitude());
            assertEquals(new BigDecimal("0.522100"), row.longitude());
        }
        cells.put(TransparencyColumns.X, "51.2764");
        cells.put(TransparencyColumns.Y, "0.5221");
        refused(TransparencyColumns.X, "look swapped");
        cells.put(TransparencyColumns.COORDINATE_SYSTEM, "OSGB36");
        cells.put(TransparencyColumns.X, "0.5221");
        cells.put(TransparencyColumns.Y, "51.2764");
        refused(TransparencyColumns.X, "as easting/northing lie outside the United Kingdom");
        // Stated nowhere: UK longitude/latitude (within 61 m of the grid's origin, in the sea, as metres)...
        cells.remove(TransparencyColumns.COORDINATE_SYSTEM);
        ImportRow lonLat = valid();
        assertEquals("EPSG:4326", lonLat.coordinateSystem());
        assertFalse(lonLat.coordinateSystemStated());
        // ...else easting/northing.
        cells.put(TransparencyColumns.X, "576000");
        cells.put(TransparencyColumns.Y, "155700");
        assertEquals("EPSG:27700", valid().coordinateSystem());
        cells.put(TransparencyColumns.X, "-50");
        cells.put(TransparencyColumns.Y, "20");
        refused(TransparencyColumns.X, "nor longitude/latitude in the United Kingdom");
        cells.put(TransparencyColumns.COORDINATE_SYSTEM, "EPSG:3857");
        cells.put(TransparencyColumns.X, "576000");
        cells.put(TransparencyColumns.Y, "155700");
        refused(TransparencyColumns.COORDINATE_SYSTEM, "'EPSG:3857' is not a coordinate system the import reads");
    }

    @Test
    void occupancyHoldingAreasEpcAndDatesAreMapped() {
        Map<String, Occupancy> occupancies = Map.of("Owner Occupied", Occupancy.OWNER_OCCUPIED,
                "Occupied by local authority", Occupancy.OWNER_OCCUPIED, "Let", Occupancy.LET,
                "Leased out", Occupancy.LET, "Sub-let", Occupancy.SUB_LET, "Sublet", Occupancy.SUB_LET,
                "Licence", Occupancy.LICENCE, "License", Occupancy.LICENCE, "Vacant", Occupancy.VACANT,
                "Empty", Occupancy.VACANT);
        occupancies.forEach((wording, occupancy) -> {
            cells.put(TransparencyColumns.TENURE_DETAIL, wording);
            assertEquals(occupancy, valid().occupancy(), wording);
        });
        cells.put(TransparencyColumns.TENURE_DETAIL, "Held in trust");
        ImportRow other = valid();
        assertEquals(Occupancy.OTHER, other.occupancy());
        assertEquals("[{\"name\":\"TenureDetail\",\"value\":\"Held in trust\"}]", other.sourceColumns());
        cells.remove(TransparencyColumns.TENURE_DETAIL);

        // Land holdings are land only, which has no desks.
        cells.remove(TransparencyColumns.DESKS);
        Map<String, Holding> holdings = Map.of("Land and Building", Holding.LAND_AND_BUILDING,
                "Land & Buildings", Holding.LAND_AND_BUILDING, "Buildings", Holding.BUILDING,
                "Building", Holding.BUILDING, "Land", Holding.LAND, "Parks, Gardens and open space", Holding.LAND);
        holdings.forEach((wording, holding) -> {
            cells.put(TransparencyColumns.HOLDING, wording);
            assertEquals(holding, valid().holding(), wording);
        });
        cells.put(TransparencyColumns.HOLDING, "Miscellaneous Operational");
        List<FieldError> warnings = new ArrayList<>();
        assertNull(parse(new ArrayList<>(), warnings).holding());
        assertTrue(warnings.get(0).getMessage().contains("kept in the source columns"), warnings.toString());
        cells.remove(TransparencyColumns.HOLDING);

        for (String size : List.of("1,234", "1234 sq m", "1234m2", "1234 sqm")) {
            cells.put(TransparencyColumns.AREA, size);
            assertEquals(new BigDecimal("1234.00"), valid().grossInternalAreaM2(), size);
        }
        cells.put(TransparencyColumns.LAND_AREA, "2.12345 ha");
        assertEquals(new BigDecimal("2.1235"), valid().landAreaHectares());
        cells.put(TransparencyColumns.LAND_AREA, "lots");
        refused(TransparencyColumns.LAND_AREA, "'lots' is not a number");
        cells.remove(TransparencyColumns.LAND_AREA);

        for (String epc : List.of("C", "c", "EPC C", "C (62)", " C ")) {
            cells.put(TransparencyColumns.EPC_BAND, epc);
            assertEquals(EpcBand.C, valid().epcBand(), epc);
        }
        for (String none : List.of("N/A", "n/a", "None", "-")) {
            cells.put(TransparencyColumns.EPC_BAND, none);
            assertNull(valid().epcBand(), none);
        }
        cells.put(TransparencyColumns.EPC_BAND, "H");
        refused(TransparencyColumns.EPC_BAND, "'H' is not an EPC band A to G");
        cells.remove(TransparencyColumns.EPC_BAND);

        Map<String, LocalDate> dates = Map.of("31/03/2024", LocalDate.of(2024, 3, 31), "2024-03-31",
                LocalDate.of(2024, 3, 31), "1/4/24", LocalDate.of(2024, 4, 1), "01.04.2024", LocalDate.of(2024, 4, 1));
        dates.forEach((text, date) -> {
            cells.put(TransparencyColumns.EFFECTIVE_DATE, text);
            assertEquals(date, valid().effectiveDate(), text);
        });
        cells.put(TransparencyColumns.EFFECTIVE_DATE, "31/02/2024");
        refused(TransparencyColumns.EFFECTIVE_DATE, "'31/02/2024' is not a date");
        cells.put(TransparencyColumns.EFFECTIVE_DATE, "March 2024");
        refused(TransparencyColumns.EFFECTIVE_DATE, "'March 2024' is not a date (dd/mm/yyyy or yyyy-mm-dd)");
    }

    @Test
    void aPartialPostcodeIsKeptAsASourceColumnWithAWarning() {
        cells.put(TransparencyColumns.POSTCODE, "WA14 ");
        List<FieldError> warnings = new ArrayList<>();
        ImportRow row = parse(new ArrayList<>(), warnings);
        assertNull(row.postcode());
        assertEquals("[{\"name\":\"Postcode\",\"value\":\"WA14\"}]", row.sourceColumns());
        assertTrue(warnings.get(0).getMessage().contains("partial postcode"), warnings.toString());
    }

    @Test
    void aSiteAddressIsTheStreetAndItsTrailingPostcodeThePostcode() {
        cells.remove(TransparencyColumns.STREET_NUMBER);
        cells.remove(TransparencyColumns.STREET);
        cells.remove(TransparencyColumns.POSTCODE);
        cells.put(TransparencyColumns.ADDRESS, "Maidstone House, King Street, Maidstone ME15 6JQ");
        ImportRow row = valid();
        assertEquals("Maidstone House, King Street, Maidstone ME15 6JQ", row.street());
        assertEquals("ME15 6JQ", row.postcode());
        cells.put(TransparencyColumns.ADDRESS, "Land off Tovil Hill");
        assertNull(valid().postcode());
    }

    @Test
    void misDecodedTextIsRepairedWithAWarning() {
        cells.put(TransparencyColumns.NAME, "CafÃ© at Â£5");
        List<FieldError> warnings = new ArrayList<>();
        assertEquals("Café at £5", parse(new ArrayList<>(), warnings).name());
        assertTrue(warnings.get(0).getMessage().contains("mis-decoded"), warnings.toString());
        cells.put(TransparencyColumns.NAME, "Ãrnes Â Hall");
        assertEquals("Ãrnes Â Hall", valid().name(), "text that is not mis-decoded UTF-8 stays as it is");
    }

    @Test
    void theOrganisationMayBeItsUriGssCodeOrSlug() {
        owner.type = org.estatehub.api.model.PartnerType.DISTRICT_COUNCIL;
        owner.localAuthority = "E07000110";
        owner.organisationUri = "http://opendatacommunities.org/id/district-council/maidstone";
        for (String uri : List.of("http://opendatacommunities.org/id/district-council/maidstone",
                "https://opendatacommunities.org/id/district-council/maidstone/",
                "http://statistics.data.gov.uk/id/statistical-geography/E07000110")) {
            cells.put(TransparencyColumns.ORGANISATION_URI, uri);
            valid();
        }
        cells.put(TransparencyColumns.ORGANISATION_URI, "http://opendatacommunities.org/id/district-council/dover");
        refused(TransparencyColumns.ORGANISATION_URI, "is not Maidstone Borough Council");
        cells.remove(TransparencyColumns.ORGANISATION_URI);
        for (String name : List.of("E07000110", "Maidstone", "maidstone borough council")) {
            cells.put(TransparencyColumns.ORGANISATION_LABEL, name);
            valid();
        }
        assertEquals("folkestone-and-hythe", ImportRowParser.slug("Folkestone & Hythe District Council"));
        assertEquals("maidstone", ImportRowParser.slug("Maidstone Borough Council"));
    }

    @Test
    void choicesAcceptLooseSpellingAndListTheOptions() {
        cells.put(TransparencyColumns.ASSET_TYPE, " community centre ");
        assertEquals(AssetType.COMMUNITY_CENTRE, valid().assetType());
        cells.put(TransparencyColumns.ASSET_TYPE, "car-park");
        cells.remove(TransparencyColumns.DESKS);
        assertEquals(AssetType.CAR_PARK, valid().assetType());
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "Folkestone & Hythe");
        assertEquals("E07000112", valid().localAuthority());
        cells.put(TransparencyColumns.ASSET_TYPE, "castle");
        refused(TransparencyColumns.ASSET_TYPE, "'castle' is not one of: OFFICE, DEPOT,");
    }

    @Test
    void landOnlyFollowsTheTypeUnlessGiven() {
        cells.put(TransparencyColumns.ASSET_TYPE, "Land");
        cells.remove(TransparencyColumns.DESKS);
        assertTrue(valid().landOnly());
        cells.put(TransparencyColumns.LAND_ONLY, "no");
        assertFalse(valid().landOnly());
        cells.remove(TransparencyColumns.ASSET_TYPE);
        cells.put(TransparencyColumns.LAND_ONLY, "yes");
        assertEquals(AssetType.LAND, valid().assetType());
        cells.put(TransparencyColumns.LAND_ONLY, "building");
        assertEquals(AssetType.OTHER, valid().assetType());
        cells.put(TransparencyColumns.LAND_ONLY, "perhaps");
        refused(TransparencyColumns.LAND_ONLY, "'perhaps' is not yes or no");
    }

    @Test
    void landHasNoDesks() {
        cells.put(TransparencyColumns.LAND_ONLY, "yes");
        refused(TransparencyColumns.DESKS, "land without buildings has no desks");
        cells.put(TransparencyColumns.DESKS, "0");
        assertEquals(0, valid().sharedWorkspaceDesks());
    }

    @Test
    void theLocalAuthorityDefaultsToTheOwnersHomeAuthorityOnly() {
        cells.remove(TransparencyColumns.LOCAL_AUTHORITY);
        assertEquals("E07000110", valid().localAuthority());
        homeAuthority = null;
        refused(TransparencyColumns.LOCAL_AUTHORITY, "has no home local authority to assume");
    }

    @Test
    void theLocalAuthorityIsACodeOrTheNameOfExactlyOneCurrentAuthority() {
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "E07000110");
        assertEquals("E07000110", valid().localAuthority());
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "s12000027");
        assertEquals("S12000027", valid().localAuthority());
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "maidstone");
        assertEquals("E07000110", valid().localAuthority());
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "MAIDSTONE BOROUGH COUNCIL");
        assertEquals("E07000110", valid().localAuthority());
        // 1.x exported the District enum's names; they still name the same authority.
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "FOLKESTONE_AND_HYTHE");
        assertEquals("E07000112", valid().localAuthority());
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "Kent County Council");
        assertEquals("E10000016", valid().localAuthority());
        // A former authority's code passes here; the importer refuses it unless the asset already has it.
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "E07000026");
        assertEquals("E07000026", valid().localAuthority());
    }

    @Test
    void anUnknownOrAmbiguousAuthorityIsARowErrorQuotingTheValue() {
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "E07999999");
        refused(TransparencyColumns.LOCAL_AUTHORITY, "'E07999999' is not the GSS code of a UK local authority");
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "Maidstoen");
        refused(TransparencyColumns.LOCAL_AUTHORITY,
                "'Maidstoen' is neither a GSS code nor the name of a current UK local authority");
        // Only current authorities are found by name: a former one's name says nothing about today's code.
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "Allerdale");
        refused(TransparencyColumns.LOCAL_AUTHORITY, "'Allerdale' is neither a GSS code nor the name");
        cells.put(TransparencyColumns.LOCAL_AUTHORITY, "twinvale");
        refused(TransparencyColumns.LOCAL_AUTHORITY,
                "'twinvale' names 2 current local authorities (E07999997, E07999998); give the GSS code");
    }

    @Test
    void moneyIsPoundsAndPenceNeverMore() {
        cells.put(TransparencyColumns.RUNNING_COST, "12.345");
        refused(TransparencyColumns.RUNNING_COST, "is not an amount in pounds and pence");
        cells.put(TransparencyColumns.RUNNING_COST, "-5");
        refused(TransparencyColumns.RUNNING_COST, "is not an amount in pounds and pence");
        cells.put(TransparencyColumns.RUNNING_COST, "0.1");
        assertEquals(new BigDecimal("0.10"), valid().annualRunningCost());
        cells.remove(TransparencyColumns.RUNNING_COST);
        assertNull(valid().annualRunningCost());
    }

    @Test
    void utilisationIsAPercentage() {
        cells.put(TransparencyColumns.UTILISATION, "100.5");
        refused(TransparencyColumns.UTILISATION, "must be between 0 and 100");
    }

    @Test
    void desksAreAWholeNumberInRange() {
        cells.put(TransparencyColumns.DESKS, "1.5");
        refused(TransparencyColumns.DESKS, "'1.5' is not a whole number");
        cells.put(TransparencyColumns.DESKS, "10001");
        refused(TransparencyColumns.DESKS, "must be between 0 and 10000");
    }

    @Test
    void disposalsAreNotImported() {
        cells.put(TransparencyColumns.STATUS, "Disposed");
        refused(TransparencyColumns.STATUS, "disposals are recorded with POST /assets/{assetId}/disposal");
    }

    @Test
    void visibilityIsAChoice() {
        cells.put(TransparencyColumns.VISIBILITY, "Owner only");
        assertEquals(Visibility.OWNER_ONLY, valid().visibility());
    }

    @Test
    void everyProblemInTheRowIsReportedAndNothingIsReturned() {
        cells.put(TransparencyColumns.NAME, "");
        cells.put(TransparencyColumns.POSTCODE, "nowhere");
        cells.put(TransparencyColumns.DESKS, "many");
        List<FieldError> errors = new ArrayList<>();
        errors.add(new FieldError().row(1).field("earlier").message("kept"));
        assertNull(parse(errors));
        assertEquals(List.of("earlier", "Name", "Postcode", "Shared workspace desks"),
                errors.stream().map(FieldError::getField).toList());
        assertTrue(errors.stream().skip(1).allMatch(e -> e.getRow() == LINE));
    }

    @Test
    void aColumnMissingFromTheFileReadsAsEmpty() {
        Map<TransparencyColumns, Integer> columns = new EnumMap<>(TransparencyColumns.class);
        columns.put(TransparencyColumns.UPRN, 0);
        columns.put(TransparencyColumns.NAME, 1);
        columns.put(TransparencyColumns.X, 2);
        columns.put(TransparencyColumns.Y, 3);
        columns.put(TransparencyColumns.TENURE, 4);
        // A short record: the tenure cell is beyond its end, so the row has no tenure (a warning since #15).
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        ImportRow row = new ImportRowParser(owner, columns, REGISTER, homeAuthority)
                .parse(record("123,Depot,576000,155700"), LINE, errors, warnings);
        assertEquals(List.of(), errors);
        assertNull(row.tenure());
        assertEquals(List.of("Tenure"), warnings.stream().map(FieldError::getField).toList());
    }
}
