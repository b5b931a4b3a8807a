package org.estatehub.funding;

import static org.hamcrest.Matchers.equalTo;

import org.estatehub.testing.Api;
import org.estatehub.testing.FundingFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A project awarded money under a programme is listed under it, whatever it declared. */
@QuarkusTest
class FundedProgrammeFilterTest {

    @Test
    void awardsCountAsFundingForTheProjectFilter() {
        String award = FundingFixtures.award("LRF", "dover", "500.00", "Survey");
        String project = Api.as("police.viewer").get("/awards/" + award).then().extract().path("projectId");
        String name = Api.as("pmo.admin").get("/projects/" + project).then()
                .body("programmes", org.hamcrest.Matchers.contains("OPE")).extract().path("name");
        Api.as("police.viewer").get("/projects?programme=LRF&q=" + name).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(project));
        Api.as("police.viewer").get("/projects?programme=BLRF&q=" + name).then().body("total", equalTo(0));
    }
}
