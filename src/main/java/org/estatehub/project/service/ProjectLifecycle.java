package org.estatehub.project.service;

import static org.estatehub.project.ProjectStage.BUSINESS_CASE;
import static org.estatehub.project.ProjectStage.COMPLETE;
import static org.estatehub.project.ProjectStage.DELIVERY;
import static org.estatehub.project.ProjectStage.FEASIBILITY;
import static org.estatehub.project.ProjectStage.IDEA;
import static org.estatehub.project.ProjectStage.PIPELINE;
import static org.estatehub.project.ProjectStage.WITHDRAWN;

import java.util.Set;

import org.estatehub.project.ProjectStage;
import org.estatehub.common.lifecycle.Transitions;

/** The project life cycle: the only place that says which stage may follow which. */
public final class ProjectLifecycle {

    private static final Transitions<ProjectStage> TABLE = Transitions.of("project", ProjectStage.class)
            .from(IDEA, PIPELINE, WITHDRAWN)
            .from(PIPELINE, FEASIBILITY, WITHDRAWN)
            .from(FEASIBILITY, BUSINESS_CASE, PIPELINE, WITHDRAWN)
            .from(BUSINESS_CASE, DELIVERY, FEASIBILITY, WITHDRAWN)
            .from(DELIVERY, COMPLETE, WITHDRAWN)
            .from(COMPLETE)
            .from(WITHDRAWN, PIPELINE)
            .build();

    private ProjectLifecycle() {
    }

    public static boolean allowed(ProjectStage from, ProjectStage to) {
        return TABLE.allows(from, to);
    }

    public static Set<ProjectStage> next(ProjectStage from) {
        return TABLE.next(from);
    }

    public static void require(ProjectStage from, ProjectStage to) {
        TABLE.require(from, to);
    }

    /** Stages a new project may start at. */
    public static boolean initial(ProjectStage stage) {
        return stage == IDEA || stage == PIPELINE;
    }
}
