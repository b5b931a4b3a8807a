package org.estatehub.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/** Project inputs for tests. */
public final class ProjectFixtures {

    private ProjectFixtures() {
    }

    public static Map<String, Object> project(String name, String... participants) {
        Map<String, Object> project = new HashMap<>();
        project.put("name", name);
        project.put("description", "A test project");
        project.put("participatingPartnerIds", List.of(participants));
        project.put("localAuthority", "E07000110");
        project.put("type", "CO_LOCATION");
        project.put("programmes", List.of("OPE"));
        project.put("rag", Map.of("status", "GREEN"));
        return project;
    }

    public static Map<String, Object> with(Map<String, Object> project, Object... keyValues) {
        return AssetFixtures.with(project, keyValues);
    }

    public static Response create(String username, Map<String, Object> project) {
        Response response = Api.as(username).body(project).post("/projects");
        response.then().statusCode(201);
        return response;
    }

    public static String createId(String username, Map<String, Object> project) {
        return create(username, project).path("id");
    }
}
