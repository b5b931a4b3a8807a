package org.estatehub.project;

/**
 * A project's stored stage (columns project.stage, project_stage_change.from_stage and to_stage hold
 * these names); which stage may follow which: ProjectLifecycle. The contract's ProjectStage is mapped to
 * and from this in ProjectMapper. Declared in the contract's order, which is also the order a refused
 * change lists the allowed stages in.
 */
public enum ProjectStage {
    IDEA, PIPELINE, FEASIBILITY, BUSINESS_CASE, DELIVERY, COMPLETE, WITHDRAWN
}
