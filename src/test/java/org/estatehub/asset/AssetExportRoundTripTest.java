package org.estatehub.asset;

import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Importing an export changes nothing, in every layout: registers as councils publish them (LGA schema,
 * both coordinate systems, rows without a location or a tenure, every occupancy, holding and EPC value,
 * published wording, OtherDetail, an unknown column and a repeated organisation column), for a council
 * with and without an OrganisationURI of its own; and e-PIMS files, whose rows may have neither UPRN nor
 * asset code.
 */
@QuarkusTest
class AssetExportRoundTripTest {

    static final String LGA_HEADER = "OrganisationURI,OrganisationLabel,Organisation,EffectiveDate,UPRN,AssetCode,"
            + "PropertyName,StreetNumber,StreetName,PostTown,PostCode,CoordinateReferenceSystem,GeoX,GeoY,TenureType,"
            + "TenureDetail,OtherDetail,HoldingType,BuildingSize,LandArea,EnergyRating,Ward,Organisation\n";

    static final String NBSP = "\u00a0";

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse importAs(String user, String csv, String query) {
        return Api.as(user).contentType("text/csv; charset=UTF-8").body(csv).post("/assets/import" + query).then();
    }

    /** The export's header and the lines of this test's own assets (their names carry the token). */
    private static String exported(String user, String query, String token) {
        String csv = Api.as(user).accept("text/csv").get("/assets/export" + query).then().statusCode(200)
                .extract().asString();
        List<String> lines = csv.lines().toList();
        return lines.get(0) + "\n" + lines.stream().skip(1).filter(l -> l.contains(token))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String maidstoneRegister(String token, String organisationUri) {
        String org = organisationUri + ",Maidstone Borough Council,Maidstone BC,";
        return LGA_HEADER
                + org + "2025-03-31," + AssetFixtures.uprn() + ",RT-" + token + "-1,Office " + token
                + ",12,King Street,Maidstone,ME15 6JQ,WGS84,0.525980,51.274060,Freehold,Owner occupied,,Building,1200.5,0.1,A,High Street,\n"
                + org + "2025-03-31," + AssetFixtures.uprn() + ",RT-" + token + "-2,Depot " + token
                + ",,Mill Street,Maidstone,ME15 6XH,OSGB36,576086.12,155747.35,Leasehold,Let,Ground floor only,Land and building,"
                + "350,0.25,B,Bridge,Maidstone Borough Council\n"
                + org + "," + AssetFixtures.uprn() + ",RT-" + token + "-3,Unlocated yard " + token
                + ",,,Maidstone,,,,,,Sub-let,,Land,,1.5,C,,\n"
                + org + "2024-04-01," + AssetFixtures.uprn() + ",RT-" + token + "-4,Worded hall " + token
                + ",1,High Street,Maidstone,ME14 1SY,OSGB36,575970,155610,\"Freehold" + NBSP + "\",Occupied by local authority,,Buildings,"
                + "800,,D,High Street,\n"
                + org + "," + AssetFixtures.uprn() + ",RT-" + token + "-5,Licensed kiosk " + token
                + ",,,Maidstone,,WGS84,0.52,51.27,Other,Licence,,Building,12,,E,,\n"
                + org + "," + AssetFixtures.uprn() + ",RT-" + token + "-6,Vacant shop " + token
                + ",,,Maidstone,,,,,Freehold,Vacant,,Building,60,,F,,\n"
                + org + "," + AssetFixtures.uprn() + ",RT-" + token + "-7,Chattel store " + token
                + ",,,Maidstone,,,,,Chattel,Other,Storage under licence,Land and Building,40,,G,,\n";
    }

    /** Maidstone without an OrganisationURI of its own: its file and export name it by statistical geography. */
    @ParameterizedTest(name = "layout={0}")
    @ValueSource(strings = {"lga", "transparency-2014"})
    void aCouncilsPublishedRegisterImportsBackUnchangedFromItsExport(String layout) throws Exception {
        String token = AssetFixtures.token();
        String before = organisationUri("maidstone");
        sql("update partner set organisation_uri = null where id = 'maidstone'");
        try {
            importAs("maidstone.editor", maidstoneRegister(token,
                    "http://statistics.data.gov.uk/id/statistical-geography/E07000110"), "")
                    .statusCode(200).body("created", equalTo(7));
            String export = exported("maidstone.editor", "?partner=maidstone&layout=" + layout, token);
            if (layout.equals("transparency-2014")) {
                // The older layout has no TenureType column: the register's "Chattel" comes back under its
                // `Tenure` header, so the first re-import renames that one source column (README "Export
                // layouts"); from then on the older layout's export imports back unchanged.
                importAs("maidstone.editor", export, "").statusCode(200).body("updated", equalTo(1))
                        .body("unchanged", equalTo(6));
                Api.as("maidstone.editor").get("/assets?q=Chattel store " + token).then().statusCode(200)
                        .body("items[0].sourceColumns[0].name", equalTo("Tenure"))
                        .body("items[0].sourceColumns[0].value", equalTo("Chattel"));
                export = exported("maidstone.editor", "?partner=maidstone&layout=" + layout, token);
            }
            reimport("maidstone.editor", export, token, 7);
        } finally {
            sql("update partner set organisation_uri = ? where id = 'maidstone'", before);
        }
    }

    @ParameterizedTest(name = "layout={0}")
    @ValueSource(strings = {"lga", "transparency-2014"})
    void aCouncilWithItsOwnOrganisationUri(String layout) throws Exception {
        String token = AssetFixtures.token();
        String uri = "http://opendatacommunities.org/id/district-council/sevenoaks";
        String before = organisationUri("sevenoaks");
        sql("update partner set organisation_uri = ? where id = 'sevenoaks'", uri);
        try {
            String file = LGA_HEADER
                    + uri + ",Sevenoaks District Council,Sevenoaks DC,2025-03-31," + AssetFixtures.uprn() + ",SDC-" + token
                    + ",Argyle Road offices " + token + ",,Argyle Road,Sevenoaks,TN13 1HG,OSGB36,552980.5,155300.25,Freehold,"
                    + "Owner occupied,,Building,2100,0.4,C,,\n"
                    + uri + ",Sevenoaks District Council,Sevenoaks DC,," + AssetFixtures.uprn() + ",SDC2-" + token
                    + ",Unlocated land " + token + ",,,Sevenoaks,,,,,,,,Land,,3.25,,,\n";
            importAs("sevenoaks.editor", file, "").statusCode(200).body("created", equalTo(2));
            String export = exported("sevenoaks.editor", "?partner=sevenoaks&layout=" + layout, token);
            reimport("sevenoaks.editor", export, token, 2);
        } finally {
            sql("update partner set organisation_uri = ? where id = 'sevenoaks'", before);
        }
    }

    @Test
    void anEpimsFileImportsBackUnchangedFromItsExport() {
        String token = AssetFixtures.token();
        String file = "e-PIMS Property Reference,Property Name,Address,Town,Postcode,UPRN,Organisation,Tenure,Holding Type,"
                + "GIA (sq m),Site Area (ha),Contact\n"
                + "EP-1" + token.substring(2, 7) + ",Crown office " + token + ",1 Palace Avenue,Maidstone,ME15 6NF,"
                + AssetFixtures.uprn() + ",Maidstone Borough Council,Leasehold,Building,950.25,,estates@maidstone.gov.uk\n"
                + "EP-2" + token.substring(2, 7) + ",Former depot " + token + ",Tovil Hill,Maidstone,ME15 6QS,,"
                + "Maidstone Borough Council,Freehold,Land,,1.2,\n"
                + "EP-3" + token.substring(2, 7) + ",Annexe " + token + ",,Maidstone,,,Maidstone Borough Council,,"
                + "Land and building,120,0.05,\"Estates team, 01622 602000\"\n";
        importAs("maidstone.editor", file, "").statusCode(200).body("created", equalTo(3));
        String export = exported("maidstone.editor", "?partner=maidstone&layout=epims", token);
        reimport("maidstone.editor", export, token, 3);
    }

    /** The test's assets as the API shows them, without what a write changes by itself. */
    private static List<java.util.Map<String, Object>> assets(String user, String token) {
        List<java.util.Map<String, Object>> items = Api.as(user).get("/assets?sort=name&limit=100&q=" + token).then()
                .statusCode(200).extract().path("items");
        items.forEach(item -> {
            item.remove("updatedAt");
            item.remove("version");
        });
        return items;
    }

    /** Imports the export back: nothing changes, neither the counts nor any asset. */
    private static void reimport(String user, String export, String token, int rows) {
        var before = assets(user, token);
        var answer = importAs(user, export, "").statusCode(200).extract().response();
        org.junit.jupiter.api.Assertions.assertEquals(before, assets(user, token), "the re-import changed assets");
        answer.then().body("rows", equalTo(rows)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(rows));
    }

    private void sql(String statement, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i], java.sql.Types.VARCHAR);
            }
            s.executeUpdate();
        }
    }

    private String organisationUri(String partner) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select organisation_uri from partner where id = ?")) {
            s.setString(1, partner);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
