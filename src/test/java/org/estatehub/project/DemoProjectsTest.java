package org.estatehub.project;

import static org.hamcrest.Matchers.hasItems;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The demo pipeline holds the Kent report's 14 OPE-funded lines and its 10 LRF/BLRF projects. */
@QuarkusTest
class DemoProjectsTest {

    @Test
    void theKentReportsProjects() {
        Api.as("police.viewer").get("/projects?programme=OPE&lead=kcc&limit=100").then().statusCode(200)
                .body("items.name", hasItems("KEP Shared Workspaces", "KEP Programme Management Office",
                        "OPE Opportunities Development Fund"));
        Api.as("police.viewer").get("/projects?programme=OPE&limit=100").then()
                .body("items.name", hasItems("Dover Discovery Centre", "Ebbsfleet Grove Road", "Maidstone Civic Centre",
                        "Dartford Town Centre", "Sittingbourne Civic Quarter", "West Kent Partnership",
                        "Paddock Wood Community Hub", "West Kent Blue Light Hub",
                        "Ebbsfleet Integration of Healthy Living and Preventative Services",
                        "Repton Housing and Health Hub", "Whitfield Public Sector Office Hub"));
        Api.as("police.viewer").get("/projects?programme=LRF&limit=100").then()
                .body("items.name", hasItems("Brunswick Street and Union Street", "King Street Car Park",
                        "Heather House and Pavilion", "Biggins Wood"));
        Api.as("police.viewer").get("/projects?programme=BLRF&lead=sevenoaks&limit=100").then()
                .body("items.name", hasItems("Farmstead Drive", "White Oaks Residential"));
        Api.as("police.viewer").get("/projects?lead=folkestone-hythe&programme=BLRF").then()
                .body("items.name", hasItems("Princes Parade", "Highview"));
    }
}
