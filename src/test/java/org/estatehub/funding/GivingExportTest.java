package org.estatehub.funding;

import static org.estatehub.testing.FundingFixtures.award;
import static org.estatehub.testing.FundingFixtures.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * GET /awards/export against the published 360Giving Data Standard 1.4.3
 * (https://github.com/ThreeSixtyGiving/standard, CC-BY 4.0; copies and sources in
 * src/test/resources/giving/README.md): the JSON package validated by the standard's own schemas, the
 * required fields (the grant schema's `oneOf` with recipientOrganization), identifier rules
 * (documentation/technical/identifiers.md), formats, and the CSV with the template's column titles.
 * Amounts are read as BigDecimal from the raw text, never through a double.
 */
@QuarkusTest
class GivingExportTest {

    /** Numbers as BigDecimal exactly as written, trailing zeros and all: 0.00 stays 0.00. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    /** The demo prefix, then the award's UUID: no spaces, no slashes. */
    static final Pattern ID = Pattern.compile("^360G-kentestates-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$");

    /** How an amount is written in the JSON text: plain digits with pence, no exponent. */
    static final Pattern AMOUNT_TEXT = Pattern.compile("\"(amountAppliedFor|amountAwarded|amountDisbursed)\":([^,}]*)");

    static final Pattern PLAIN_PENCE = Pattern.compile("^[0-9]+\\.[0-9]{2}$");

    /** The grant schema's required fields for a grant to an organisation (its oneOf). */
    static final List<String> REQUIRED = List.of("id", "title", "description", "currency", "amountAwarded", "awardDate",
            "recipientOrganization", "fundingOrganization");

    static final List<String> CSV_HEADER = List.of("Identifier", "Title", "Description", "Currency", "Amount Applied For",
            "Amount Awarded", "Amount Disbursed", "Award Date", "Recipient Org:Identifier", "Recipient Org:Name",
            "Beneficiary Location:Name", "Beneficiary Location:Country Code", "Beneficiary Location:Geographic Code",
            "Beneficiary Location:Geographic Code Type", "Funding Org:Identifier", "Funding Org:Name",
            "Grant Programme:Code", "Grant Programme:Title", "Last Modified", "Data Source");

    /** The demo rounds and the report's awarded totals (DESIGN.md reference figures). */
    static final Map<String, List<String>> DEMO_ROUNDS = Map.of(
            "OPE", List.of("OPE Phase 4", "OPE Phase 5", "OPE Phase 6", "OPE Phase 7"),
            "LRF", List.of("LRF 2017/18", "LRF 2018/19"),
            "BLRF", List.of("BLRF 2020/21", "BLRF2 Round 1 (2022)"));

    static final Map<String, String> PROGRAMME_NAMES = Map.of("OPE", "One Public Estate", "LRF", "Land Release Fund",
            "BLRF", "Brownfield Land Release Fund");

    private static Response export(String user, String query) {
        Response r = Api.as(user).get("/awards/export" + query);
        r.then().statusCode(200).contentType("application/json");
        return r;
    }

    private static JsonNode grants(String user, String query) throws Exception {
        return JSON.readTree(export(user, query).asString()).get("grants");
    }

    @Test
    void theJsonPackageIsValidAgainstThe360GivingSchemas() throws Exception {
        JsonNode body = JSON.readTree(export("police.viewer", "").asString());
        assertTrue(body.get("grants").size() > 0, "the demo has awards");
        // The package schema refers to the grant schema by its published URL; both are read from the copies.
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers
                        .mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/", "classpath:giving/")
                        .mapPrefix("https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/", "classpath:giving/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:giving/360-giving-package-schema.json"), config);
        Set<ValidationMessage> errors = schema.validate(body);
        assertEquals(Set.of(), errors, "360Giving package schema");

        // The validator really applies the grant schema: a grant without its recipient fails it.
        JsonNode broken = body.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("grants").get(0)).remove("recipientOrganization");
        assertFalse(schema.validate(broken).isEmpty(), "a grant without a recipient must fail the schema");
    }

    @Test
    void everyGrantHasTheRequiredFields() throws Exception {
        for (JsonNode grant : grants("dover.editor", "")) {
            for (String field : REQUIRED) {
                assertTrue(grant.hasNonNull(field), grant.get("id") + " lacks " + field);
                if (grant.get(field).isTextual()) {
                    assertFalse(grant.get(field).asText().isBlank(), grant.get("id") + ": blank " + field);
                }
            }
            for (String org : List.of("recipientOrganization", "fundingOrganization")) {
                assertEquals(1, grant.get(org).size(), org);
                assertFalse(grant.get(org).get(0).get("id").asText().isBlank(), org + ".id");
                assertFalse(grant.get(org).get(0).get("name").asText().isBlank(), org + ".name");
            }
        }
    }

    @Test
    void identifiersArePrefixedUniqueStableAndOnePerAward() throws Exception {
        List<String> ids = new ArrayList<>();
        grants("maidstone.viewer", "").forEach(g -> ids.add(g.get("id").asText()));
        for (String id : ids) {
            assertTrue(ID.matcher(id).matches(), id);
            assertFalse(id.chars().anyMatch(Character::isWhitespace), id);
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "grant identifiers are unique");
        List<String> again = new ArrayList<>();
        grants("pmo.admin", "").forEach(g -> again.add(g.get("id").asText()));
        assertEquals(ids, again, "the same identifiers, in the same order, in the next export");

        Set<String> awards = new HashSet<>();
        int total = Api.as("pmo.admin").get("/awards?limit=1").path("total");
        for (int offset = 0; offset < total; offset += 100) {
            Api.as("pmo.admin").get("/awards?limit=100&offset=" + offset).jsonPath().getList("items.id", String.class)
                    .forEach(a -> awards.add("360G-kentestates-" + a));
        }
        assertEquals(awards, new HashSet<>(ids), "one grant per award, named by the award's id");
    }

    @Test
    void datesCurrencyAndAmountsInTheStandardsFormats() throws Exception {
        String text = export("kcc.editor", "").asString();
        Matcher amounts = AMOUNT_TEXT.matcher(text);
        int seen = 0;
        while (amounts.find()) {
            assertTrue(PLAIN_PENCE.matcher(amounts.group(2)).matches(), amounts.group(0));
            seen++;
        }
        JsonNode grants = JSON.readTree(text).get("grants");
        assertEquals(3 * grants.size(), seen, "three amounts per grant");
        for (JsonNode g : grants) {
            assertEquals("GBP", Currency.getInstance(g.get("currency").asText()).getCurrencyCode(), "ISO 4217");
            String awardDate = g.get("awardDate").asText();
            assertEquals(awardDate, LocalDate.parse(awardDate).toString(), "ISO date");
            assertNotNull(OffsetDateTime.parse(g.get("dateModified").asText()), "ISO date-time");
            BigDecimal awarded = g.get("amountAwarded").decimalValue();
            BigDecimal disbursed = g.get("amountDisbursed").decimalValue();
            assertTrue(awarded.signum() > 0 && disbursed.signum() >= 0 && disbursed.compareTo(awarded) <= 0,
                    g.get("id") + ": disbursed within awarded");
            assertTrue(g.get("amountAppliedFor").decimalValue().signum() > 0, "applied for");
        }
    }

    @Test
    void demoAwardsPerProgrammeMatchTheReportToThePenny() throws Exception {
        Map<String, BigDecimal> demo = new TreeMap<>();
        Map<String, BigDecimal> awarded = new TreeMap<>();
        Map<String, BigDecimal> disbursed = new TreeMap<>();
        for (JsonNode g : grants("police.viewer", "")) {
            String code = g.get("grantProgramme").get(0).get("code").asText();
            String title = g.get("grantProgramme").get(0).get("title").asText();
            awarded.merge(code, g.get("amountAwarded").decimalValue(), BigDecimal::add);
            disbursed.merge(code, g.get("amountDisbursed").decimalValue(), BigDecimal::add);
            for (String round : DEMO_ROUNDS.get(code)) {
                if (title.equals(PROGRAMME_NAMES.get(code) + ": " + round)) {
                    demo.merge(code, g.get("amountAwarded").decimalValue(), BigDecimal::add);
                }
            }
        }
        assertEquals(Map.of("BLRF", new BigDecimal("5485000.00"), "LRF", new BigDecimal("871000.00"), "OPE",
                new BigDecimal("1319000.00")), demo);
        // The whole export adds up to the funding summary's awarded and released, whatever other tests added.
        Response summary = Api.as("police.viewer").get("/funding/summary");
        for (String code : List.of("OPE", "LRF", "BLRF")) {
            String figures = "programmes.find { it.programme == '" + code + "' }.figures.";
            assertEquals(new BigDecimal(summary.<String>path(figures + "awarded.amount")), awarded.getOrDefault(code, BigDecimal.ZERO)
                    .setScale(2), code + " awarded");
            assertEquals(new BigDecimal(summary.<String>path(figures + "released.amount")),
                    disbursed.getOrDefault(code, BigDecimal.ZERO).setScale(2), code + " released");
        }
    }

    @Test
    void recipientsFundersProgrammesAndPlaces() throws Exception {
        Map<String, String> recipients = new HashMap<>();
        for (JsonNode g : grants("pmo.admin", "")) {
            JsonNode recipient = g.get("recipientOrganization").get(0);
            recipients.put(recipient.get("name").asText(), recipient.get("id").asText());
            String code = g.get("grantProgramme").get(0).get("code").asText();
            JsonNode funder = g.get("fundingOrganization").get(0);
            assertEquals(code.equals("OPE") ? "GB-GOR-D2" : "GB-GOR-D4", funder.get("id").asText(), code);
            assertEquals(code.equals("OPE") ? "Cabinet Office" : "Ministry of Housing, Communities and Local Government",
                    funder.get("name").asText(), code);
            assertTrue(g.get("grantProgramme").get(0).get("title").asText().startsWith(PROGRAMME_NAMES.get(code) + ": "));
            if (g.has("beneficiaryLocation")) {
                JsonNode place = g.get("beneficiaryLocation").get(0);
                String gss = place.get("geoCode").asText();
                assertEquals("GB", place.get("countryCode").asText());
                Map<String, String> types = Map.of("E06", "UA", "E07", "NMD", "E08", "MD", "E09", "LONB", "E10", "CTY");
                assertEquals(types.get(gss.substring(0, 3)), place.path("geoCodeType").asText(null), gss);
            }
        }
        assertEquals("GB-LAE-KEN", recipients.get("Kent County Council"));
        assertEquals("GB-LAE-MAI", recipients.get("Maidstone Borough Council"));
        // Kent Police is based in Maidstone but is not Maidstone: never GB-LAE-MAI.
        assertEquals("360G-kentestates-partner-kent-police", recipients.get("Kent Police"));
        // No register code is known for the ICB, and none is configured: the publisher's own identifier.
        assertEquals("360G-kentestates-partner-nhs-kent-medway",
                recipients.get("NHS Kent and Medway Integrated Care Board"));
    }

    @Test
    void aNewAwardItsPaymentAndTheFilters() throws Exception {
        String awardId = award("BLRF", "sevenoaks", "1234.56", "Demolition", "Remediation");
        String round = Api.as("pmo.admin").get("/awards/" + awardId).path("roundId");
        JsonNode before = grants("sevenoaks.editor", "?roundId=" + round);
        assertEquals(1, before.size());
        JsonNode grant = before.get(0);
        assertEquals("360G-kentestates-" + awardId, grant.get("id").asText());
        assertEquals(new BigDecimal("1234.56"), grant.get("amountAwarded").decimalValue());
        assertEquals(new BigDecimal("1234.56"), grant.get("amountAppliedFor").decimalValue());
        assertEquals(new BigDecimal("0.00"), grant.get("amountDisbursed").decimalValue());
        assertEquals(LocalDate.now().toString(), grant.get("awardDate").asText());
        assertEquals("GB-LAE-SEV", grant.get("recipientOrganization").get(0).get("id").asText());
        assertEquals("Sevenoaks District Council", grant.get("recipientOrganization").get(0).get("name").asText());
        assertEquals("E07000110", grant.get("beneficiaryLocation").get(0).get("geoCode").asText());
        assertEquals("Maidstone", grant.get("beneficiaryLocation").get(0).get("name").asText());
        assertEquals("NMD", grant.get("beneficiaryLocation").get(0).get("geoCodeType").asText());
        assertEquals("A test project Funded activities: Demolition; Remediation.", grant.get("description").asText());

        Api.as("pmo.admin").body(Map.of("amount", money("600.10"), "paidOn", LocalDate.now().toString(),
                "reference", "GIVING-" + awardId.substring(0, 8))).post("/awards/" + awardId + "/payments")
                .then().statusCode(201);
        JsonNode after = grants("sevenoaks.editor", "?roundId=" + round).get(0);
        assertEquals(new BigDecimal("600.10"), after.get("amountDisbursed").decimalValue());
        assertTrue(OffsetDateTime.parse(after.get("dateModified").asText())
                .isAfter(OffsetDateTime.parse(grant.get("dateModified").asText())), "a payment is a modification");

        for (JsonNode g : grants("pmo.admin", "?programme=LRF")) {
            assertEquals("LRF", g.get("grantProgramme").get(0).get("code").asText());
        }
    }

    @Test
    void theCsvHasTheTemplatesColumnsAndTheSameGrants() throws Exception {
        JsonNode grants = grants("pmo.admin", "");
        List<Response> answers = List.of(Api.as("board.member").accept("text/csv").get("/awards/export"),
                Api.as("board.member").accept("*/*").get("/awards/export?format=csv"),
                Api.as("board.member").accept("application/json, text/csv").get("/awards/export?format=csv"));
        for (Response r : answers) {
            r.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                    .header("Content-Disposition", "attachment; filename=\"360giving-awards.csv\"");
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(r.asString())).getRecords();
            assertEquals(CSV_HEADER, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(r.asString())).getHeaderNames());
            assertEquals(grants.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord row = rows.get(i);
                JsonNode g = grants.get(i);
                assertEquals(g.get("id").asText(), row.get("Identifier"));
                assertEquals(g.get("title").asText(), row.get("Title"));
                assertEquals("GBP", row.get("Currency"));
                for (String[] amount : new String[][] {{"amountAppliedFor", "Amount Applied For"},
                    {"amountAwarded", "Amount Awarded"}, {"amountDisbursed", "Amount Disbursed"}}) {
                    assertTrue(PLAIN_PENCE.matcher(row.get(amount[1])).matches(), row.get(amount[1]));
                    assertEquals(g.get(amount[0]).decimalValue(), new BigDecimal(row.get(amount[1])), amount[1]);
                }
                assertEquals(g.get("awardDate").asText(), LocalDate.parse(row.get("Award Date")).toString());
                assertEquals(OffsetDateTime.parse(g.get("dateModified").asText()).toInstant(),
                        OffsetDateTime.parse(row.get("Last Modified")).toInstant());
                assertEquals(g.get("recipientOrganization").get(0).get("id").asText(), row.get("Recipient Org:Identifier"));
                assertEquals(g.get("fundingOrganization").get(0).get("id").asText(), row.get("Funding Org:Identifier"));
                assertEquals(g.get("grantProgramme").get(0).get("title").asText(), row.get("Grant Programme:Title"));
                assertEquals(g.has("beneficiaryLocation") ? g.get("beneficiaryLocation").get(0).get("geoCode").asText() : "",
                        row.get("Beneficiary Location:Geographic Code"));
            }
        }
        // format=json chooses JSON as Accept would.
        Api.as("board.member").accept("*/*").get("/awards/export?format=json").then().statusCode(200)
                .contentType("application/json");
    }

    @Test
    void theSchemaCopiesAreOnTheClasspath() throws Exception {
        for (String name : List.of("360-giving-schema.json", "360-giving-package-schema.json")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("giving/" + name)) {
                assertNotNull(in, name);
                assertTrue(JSON.readTree(in).has("$schema"), name);
            }
        }
    }
}
