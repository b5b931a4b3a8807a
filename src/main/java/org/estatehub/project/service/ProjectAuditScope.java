package org.estatehub.project.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.estatehub.history.AuditSubject;
import org.estatehub.project.Milestone;
import org.estatehub.project.Project;

/**
 * A project's history (its own changes, stage changes and milestones) is for those who read its
 * details: the lead and participating partners as they are now, pmo-admin, board-member and
 * s151-officer ({@link ProjectDisclosure}). Everyone reads the summary, so everyone's feed shows that a
 * project changed and the changes to its summary fields, without the details' values or the note (a
 * stage change's note is a detail).
 */
@ApplicationScoped
public class ProjectAuditScope implements AuditScope {

    public static final String TYPE = "PROJECT";
    public static final String MILESTONE = "MILESTONE";

    @Inject
    ProjectService projects;

    public static AuditSubject subject(Project project) {
        return AuditSubject.of(TYPE, project.id, project.leadPartnerId);
    }

    public static AuditSubject subject(Milestone milestone) {
        return AuditSubject.partOf(MILESTONE, milestone.id, milestone.ownerPartnerId, TYPE, milestone.projectId);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void requireReadable(String scopeId) {
        projects.getDetails(UUID.fromString(scopeId));
    }

    @Override
    public String visibleSql(Caller caller) {
        return "true";
    }

    @Override
    public java.util.List<String> summaryPaths() {
        return ProjectDisclosure.SUMMARY_PATHS;
    }

    @Override
    public String detailsSql(Caller caller) {
        return ProjectDisclosure.detailsSql(caller, "cast(e.scope_id as uuid)");
    }
}
