package org.estatehub.project.service;

import static org.estatehub.project.ProjectStage.BUSINESS_CASE;
import static org.estatehub.project.ProjectStage.COMPLETE;
import static org.estatehub.project.ProjectStage.DELIVERY;
import static org.estatehub.project.ProjectStage.FEASIBILITY;
import static org.estatehub.project.ProjectStage.IDEA;
import static org.estatehub.project.ProjectStage.PIPELINE;
import static org.estatehub.project.ProjectStage.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.project.ProjectStage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** All 49 pairs of project stages without a server; ProjectStageTest drives the same table over HTTP. */
@Tag("fast")
class ProjectLifecycleTableTest {

    private static final Map<ProjectStage, Set<ProjectStage>> EXPECTED = Map.of(
            IDEA, EnumSet.of(PIPELINE, WITHDRAWN),
            PIPELINE, EnumSet.of(FEASIBILITY, WITHDRAWN),
            FEASIBILITY, EnumSet.of(BUSINESS_CASE, PIPELINE, WITHDRAWN),
            BUSINESS_CASE, EnumSet.of(DELIVERY, FEASIBILITY, WITHDRAWN),
            DELIVERY, EnumSet.of(COMPLETE, WITHDRAWN),
            COMPLETE, EnumSet.noneOf(ProjectStage.class),
            WITHDRAWN, EnumSet.of(PIPELINE));

    @Test
    void everyPair() {
        int allowed = 0;
        int refused = 0;
        for (ProjectStage from : ProjectStage.values()) {
            for (ProjectStage to : ProjectStage.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, ProjectLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    assertDoesNotThrow(() -> ProjectLifecycle.require(from, to));
                    allowed++;
                } else {
                    ProblemException e = assertThrows(ProblemException.class, () -> ProjectLifecycle.require(from, to));
                    assertEquals(409, e.status());
                    assertEquals("conflict", e.type());
                    refused++;
                }
            }
            assertEquals(EXPECTED.get(from), ProjectLifecycle.next(from));
        }
        assertEquals(13, allowed);
        assertEquals(49 - 13, refused);
    }

    @Test
    void newProjectsStartAtIdeaOrPipeline() {
        for (ProjectStage stage : ProjectStage.values()) {
            assertEquals(stage == IDEA || stage == PIPELINE, ProjectLifecycle.initial(stage), stage.toString());
        }
    }
}
