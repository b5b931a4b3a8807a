package org.estatehub.project.service;

import static org.estatehub.api.model.ProjectStage.BUSINESS_CASE;
import static org.estatehub.api.model.ProjectStage.COMPLETE;
import static org.estatehub.api.model.ProjectStage.DELIVERY;
import static org.estatehub.api.model.ProjectStage.FEASIBILITY;
import static org.estatehub.api.model.ProjectStage.IDEA;
import static org.estatehub.api.model.ProjectStage.PIPELINE;
import static org.estatehub.api.model.ProjectStage.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.api.model.ProjectStage;

/** The project life cycle: the only place that says which stage may follow which. */
public final class ProjectStages {

    private static final Map<ProjectStage, Set<ProjectStage>> NEXT = new EnumMap<>(ProjectStage.class);

    static {
        NEXT.put(IDEA, EnumSet.of(PIPELINE, WITHDRAWN));
        NEXT.put(PIPELINE, EnumSet.of(FEASIBILITY, WITHDRAWN));
        NEXT.put(FEASIBILITY, EnumSet.of(BUSINESS_CASE, PIPELINE, WITHDRAWN));
        NEXT.put(BUSINESS_CASE, EnumSet.of(DELIVERY, FEASIBILITY, WITHDRAWN));
        NEXT.put(DELIVERY, EnumSet.of(COMPLETE, WITHDRAWN));
        NEXT.put(COMPLETE, EnumSet.noneOf(ProjectStage.class));
        NEXT.put(WITHDRAWN, EnumSet.of(PIPELINE));
    }

    private ProjectStages() {
    }

    public static boolean allowed(ProjectStage from, ProjectStage to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<ProjectStage> next(ProjectStage from) {
        return EnumSet.copyOf(NEXT.get(from).isEmpty() ? EnumSet.noneOf(ProjectStage.class) : NEXT.get(from));
    }

    /** Stages a new project may start at. */
    public static boolean initial(ProjectStage stage) {
        return stage == IDEA || stage == PIPELINE;
    }
}
