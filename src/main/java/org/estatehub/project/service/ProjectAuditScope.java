package org.estatehub.project.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.audit.AuditScope;
import org.estatehub.common.audit.AuditSubject;
import org.estatehub.common.audit.ScopeTypes;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.project.Milestone;
import org.estatehub.project.Project;

/**
 * A project's history (its own changes, stage changes and milestones) is for those who read its
 * details: the lead and participating partners as they are now, pmo-admin, board-member and
 * s151-officer. Everyone reads the summary, so everyone's feed shows that a project changed, without
 * the changed values.
 */
@ApplicationScoped
public class ProjectAuditScope implements AuditScope {

    public static final String TYPE = ScopeTypes.PROJECT;
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
    public String detailsSql(Caller caller) {
        if (caller.oversees()) {
            return "true";
        }
        return "exists (select 1 from project p where p.id = cast(e.scope_id as uuid)"
                + " and (p.lead_partner_id = :callerPartner or exists (select 1 from project_partner pp"
                + " where pp.project_id = p.id and pp.partner_id = :callerPartner)))";
    }
}
