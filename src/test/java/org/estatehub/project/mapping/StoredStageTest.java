package org.estatehub.project.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.estatehub.project.ProjectStage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The domain ProjectStage is stored by name: its names must be exactly the strings the database's check
 * constraint allows (in the contract's order, the order refusals list allowed stages in), every stage the
 * demo's stage history writes must be one of them (project_stage_change has no check constraint), and
 * each maps to the contract's value of the same name and back.
 */
@Tag("fast")
class StoredStageTest {

    private static String resource(String path) throws IOException {
        try (InputStream in = StoredStageTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path + " on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> names() {
        return Arrays.stream(ProjectStage.values()).map(Enum::name).toList();
    }

    @Test
    void namesAreTheStoredStrings() throws IOException {
        Matcher check = Pattern.compile("stage\\s+varchar\\(20\\)\\s+not null check \\(stage in \\(([^)]*)\\)\\)")
                .matcher(resource("db/migration/V3__projects.sql"));
        assertTrue(check.find(), "the stage check of table project");
        List<String> allowed = Arrays.stream(check.group(1).split(",")).map(s -> s.strip().replace("'", "")).toList();
        assertEquals(allowed, names());
    }

    @Test
    void theDemoStageHistoryWritesOnlyStoredStages() throws IOException {
        String sql = resource("demo/projects.sql");
        int start = sql.indexOf("insert into project_stage_change");
        assertTrue(start >= 0, "the demo's stage history");
        Matcher row = Pattern.compile("\\n\\s*\\('[^']*', (?:null|'(\\w+)'), '(\\w+)',").matcher(sql.substring(start));
        Set<String> written = new TreeSet<>();
        while (row.find()) {
            if (row.group(1) != null) {
                written.add(row.group(1));
            }
            written.add(row.group(2));
        }
        assertTrue(written.size() > 3, "stage history rows found: " + written);
        assertTrue(names().containsAll(written), "stages in the demo history: " + written);
    }

    @Test
    void eachMapsToTheContractValueOfTheSameName() {
        for (ProjectStage stage : ProjectStage.values()) {
            assertEquals(stage.name(), ProjectMapper.toApi(stage).toString());
            assertEquals(stage, ProjectMapper.fromApi(ProjectMapper.toApi(stage)));
        }
        for (org.estatehub.api.model.ProjectStage stage : org.estatehub.api.model.ProjectStage.values()) {
            assertEquals(stage.toString(), ProjectMapper.fromApi(stage).name());
        }
        assertEquals(org.estatehub.api.model.ProjectStage.values().length, ProjectStage.values().length);
        assertNull(ProjectMapper.fromApi(null), "no stage given stays no stage");
    }
}
