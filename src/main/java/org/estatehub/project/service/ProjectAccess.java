package org.estatehub.project.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.project.Milestone;
import org.estatehub.project.Project;

/** Who reads a project's details and who changes it or its milestones. */
@RequestScoped
public class ProjectAccess {

    @Inject
    Caller caller;

    public boolean readsDetails(Project project) {
        return caller.oversees() || project.involves(caller.partnerId());
    }

    public void requireDetails(Project project) {
        if (!readsDetails(project)) {
            throw ProblemException.forbidden("Only the lead and participating partners read this project's details;"
                    + " every partner reads its summary in GET /projects.");
        }
    }

    public boolean editsProject(Project project) {
        return caller.hasRole(Roles.PMO_ADMIN)
                || caller.hasRole(Roles.PARTNER_EDITOR) && project.leadPartnerId.equals(caller.partnerId());
    }

    public void requireEditor(Project project) {
        if (!editsProject(project)) {
            throw ProblemException.forbidden("Only " + project.leadPartnerId
                    + "'s editors (the lead partner) or the programme office may change this project.");
        }
    }

    /** The lead's editors and the PMO change any milestone; a partner's editors change the ones it owns. */
    public void requireMilestoneEditor(Project project, Milestone milestone) {
        if (editsProject(project)) {
            return;
        }
        if (caller.hasRole(Roles.PARTNER_EDITOR) && milestone.ownerPartnerId.equals(caller.partnerId())
                && project.involves(caller.partnerId())) {
            return;
        }
        throw ProblemException.forbidden("Only the lead's editors, the programme office or the editors of "
                + milestone.ownerPartnerId + " (the milestone's owner) may change this milestone.");
    }

    /** The lead of a new project: the caller's partner unless pmo-admin names another. */
    public String leadFor(String requested) {
        String own = caller.partnerId();
        if (caller.hasRole(Roles.PMO_ADMIN)) {
            return requested == null ? own : requested;
        }
        if (!caller.hasRole(Roles.PARTNER_EDITOR)) {
            throw ProblemException.forbidden("Starting projects needs the partner-editor role.");
        }
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("Partner editors start projects led by their own partner ('" + own
                    + "') only.");
        }
        return own;
    }

    public boolean isPmoAdmin() {
        return caller.hasRole(Roles.PMO_ADMIN);
    }

    public String username() {
        return caller.username();
    }

    public String partnerId() {
        return caller.partnerId();
    }
}
