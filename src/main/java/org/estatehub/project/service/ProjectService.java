package org.estatehub.project.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.MilestoneInput;
import org.estatehub.api.model.ProjectInput;
import org.estatehub.api.model.Rag;
import org.estatehub.api.model.RagStatus;
import org.estatehub.asset.Asset;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.http.ETags;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.Partner;
import org.estatehub.project.Milestone;
import org.estatehub.project.Project;
import org.estatehub.project.ProjectStage;
import org.estatehub.project.StageChange;
import org.estatehub.project.mapping.ProjectMapper;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProjectService {

    @Inject
    Clock clock;

    @Inject
    ProjectAccess access;

    @Inject
    AssetAccess assetAccess;

    @Inject
    AuditLog audit;

    @Inject
    LocalAuthorities authorities;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Project find(UUID id) {
        Project project = Project.findById(id);
        if (project == null) {
            throw ProblemException.notFound("No project with id '" + id + "'.");
        }
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Project getDetails(UUID id) {
        Project project = find(id);
        access.requireDetails(project);
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Milestone> milestones(UUID projectId) {
        return Milestone.list("projectId", Sort.by("dueOn").and("name").and("id"), projectId);
    }

    public Project create(ProjectInput input) {
        String lead = access.leadFor(input.getLeadPartnerId());
        ProjectStage stage = input.getStage() == null ? ProjectStage.IDEA : ProjectMapper.fromApi(input.getStage());
        List<FieldError> errors = new ArrayList<>();
        if (!ProjectLifecycle.initial(stage)) {
            errors.add(Problems.fieldError("stage", "a new project starts at IDEA or PIPELINE"));
        }
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.stage = stage;
        apply(input, lead, project, errors);
        project.createdAt = PartnershipCalendar.timestamp(clock);
        project.updatedAt = project.createdAt;
        project.persist();
        recordStage(project, null, "Started");
        project.flush();
        audit.record(ProjectAuditScope.subject(project), AuditActions.CREATED, null, snapshot(project));
        return project;
    }

    public Project update(UUID id, ProjectInput input, String ifMatch) {
        Project project = getDetails(id);
        access.requireEditor(project);
        ETags.requireMatch(ifMatch, project.version);
        List<FieldError> errors = new ArrayList<>();
        if (input.getStage() != null && ProjectMapper.fromApi(input.getStage()) != project.stage) {
            throw ProblemException.conflict("The stage changes through POST /projects/" + id + "/stage-changes.");
        }
        String lead = input.getLeadPartnerId() == null ? project.leadPartnerId : input.getLeadPartnerId();
        if (!lead.equals(project.leadPartnerId) && !access.isPmoAdmin()) {
            throw ProblemException.forbidden("Only the programme office hands a project's lead to another partner.");
        }
        JsonNode before = snapshot(project);
        apply(input, lead, project, errors);
        // Set before the milestone query below flushes the project, so the version moves only once.
        project.updatedAt = PartnershipCalendar.timestamp(clock);
        for (Milestone milestone : milestones(id)) {
            if (!project.involves(milestone.ownerPartnerId)) {
                throw ProblemException.invalid(List.of(Problems.fieldError("participatingPartnerIds",
                        "milestone '" + milestone.name + "' is owned by " + milestone.ownerPartnerId
                                + "; give it another owner before that partner leaves the project")));
            }
        }
        project.flush();
        audit.record(ProjectAuditScope.subject(project), AuditActions.UPDATED, before, snapshot(project));
        return project;
    }

    public StageChange changeStage(UUID id, ProjectStage to, String note, String ifMatch) {
        Project project = getDetails(id);
        access.requireEditor(project);
        ETags.requireMatch(ifMatch, project.version);
        ProjectLifecycle.require(project.stage, to);
        JsonNode before = snapshot(project);
        ProjectStage from = project.stage;
        project.stage = to;
        project.updatedAt = PartnershipCalendar.timestamp(clock);
        StageChange change = recordStage(project, from, note == null || note.isBlank() ? null : note.strip());
        project.flush();
        audit.record(ProjectAuditScope.subject(project), AuditActions.STAGE_CHANGED, before, snapshot(project),
                change.note);
        return change;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StageChange> stageHistory(UUID id) {
        getDetails(id);
        return StageChange.list("projectId", Sort.by("id"), id);
    }

    public Milestone addMilestone(UUID projectId, MilestoneInput input) {
        Project project = getDetails(projectId);
        access.requireEditor(project);
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.projectId = projectId;
        applyMilestone(input, project, milestone, true);
        milestone.persistAndFlush();
        touch(project);
        audit.record(ProjectAuditScope.subject(milestone), AuditActions.CREATED, null, snapshot(milestone));
        return milestone;
    }

    public Milestone updateMilestone(UUID projectId, UUID milestoneId, MilestoneInput input, String ifMatch) {
        Project project = getDetails(projectId);
        Milestone milestone = Milestone.findById(milestoneId);
        if (milestone == null || !milestone.projectId.equals(projectId)) {
            throw ProblemException.notFound("Project " + projectId + " has no milestone '" + milestoneId + "'.");
        }
        access.requireMilestoneEditor(project, milestone);
        ETags.requireMatch(ifMatch, milestone.version);
        JsonNode before = snapshot(milestone);
        applyMilestone(input, project, milestone, access.editsProject(project));
        milestone.flush();
        touch(project);
        audit.record(ProjectAuditScope.subject(milestone), AuditActions.UPDATED, before, snapshot(milestone));
        return milestone;
    }

    private void applyMilestone(MilestoneInput input, Project project, Milestone milestone, boolean mayReassign) {
        String owner = input.getOwnerPartnerId() == null
                ? (milestone.ownerPartnerId == null ? project.leadPartnerId : milestone.ownerPartnerId)
                : input.getOwnerPartnerId();
        List<FieldError> errors = new ArrayList<>();
        if (!project.involves(owner)) {
            errors.add(Problems.fieldError("ownerPartnerId", "must be the lead or a participating partner"));
        }
        if (milestone.ownerPartnerId != null && !owner.equals(milestone.ownerPartnerId) && !mayReassign) {
            throw ProblemException.forbidden("Only the lead's editors or the programme office give a milestone another owner.");
        }
        if (input.getCompletedOn() != null && input.getCompletedOn().isAfter(PartnershipCalendar.today(clock))) {
            errors.add(Problems.fieldError("completedOn", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        milestone.name = input.getName().strip();
        milestone.dueOn = input.getDueOn();
        milestone.completedOn = input.getCompletedOn();
        milestone.ownerPartnerId = owner;
    }

    /** Milestones have their own events, so the project's representation is recorded without them. */
    private JsonNode snapshot(Project project) {
        return audit.snapshot(ProjectMapper.toApi(project, List.of(), PartnershipCalendar.today(clock), authorities), "milestones");
    }

    /** A milestone's state (DUE/MISSED) moves with the calendar, not with a change; its dates are recorded. */
    private JsonNode snapshot(Milestone milestone) {
        return audit.snapshot(ProjectMapper.toApi(milestone, PartnershipCalendar.today(clock)), "state");
    }

    /** A milestone change is a change of the project too: its ETag and updatedAt move. */
    private void touch(Project project) {
        project.updatedAt = PartnershipCalendar.timestamp(clock);
        project.flush();
    }

    private void apply(ProjectInput input, String lead, Project project, List<FieldError> errors) {
        if (Partner.findById(lead) == null) {
            errors.add(Problems.fieldError("leadPartnerId", "no partner '" + lead + "'"));
        }
        try {
            authorities.requireAssignable("localAuthority", input.getLocalAuthority(), project.localAuthority);
        } catch (ProblemException e) {
            // Reported with the other fields' errors, so one answer lists everything to fix.
            errors.addAll(e.errors());
        }
        LinkedHashSet<String> participants = new LinkedHashSet<>();
        List<String> requested = input.getParticipatingPartnerIds() == null ? List.of()
                : new ArrayList<>(input.getParticipatingPartnerIds());
        for (int i = 0; i < requested.size(); i++) {
            String partner = requested.get(i);
            if (partner.equals(lead)) {
                errors.add(Problems.fieldError("participatingPartnerIds[" + i + "]", "the lead is not also a participant"));
            } else if (Partner.findById(partner) == null) {
                errors.add(Problems.fieldError("participatingPartnerIds[" + i + "]", "no partner '" + partner + "'"));
            } else {
                participants.add(partner);
            }
        }
        LinkedHashSet<UUID> assets = new LinkedHashSet<>();
        List<UUID> assetIds = input.getAssetIds() == null ? List.of() : new ArrayList<>(input.getAssetIds());
        for (int i = 0; i < assetIds.size(); i++) {
            Asset asset = Asset.findById(assetIds.get(i));
            // A project may keep a link it already has; a new link must be to an asset the caller can see,
            // so linking can never reveal that an owner-only asset exists.
            if (asset == null || !project.assetIds.contains(asset.id) && !assetAccess.canRead(asset)) {
                errors.add(Problems.fieldError("assetIds[" + i + "]", "no asset '" + assetIds.get(i) + "'"));
            } else {
                assets.add(asset.id);
            }
        }
        Rag rag = input.getRag();
        if (rag != null && rag.getStatus() != RagStatus.GREEN && (rag.getReason() == null || rag.getReason().isBlank())) {
            errors.add(Problems.fieldError("rag.reason", "a " + rag.getStatus() + " status needs a reason"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        project.name = input.getName().strip();
        project.description = input.getDescription() == null || input.getDescription().isBlank() ? null
                : input.getDescription().strip();
        project.leadPartnerId = lead;
        project.participatingPartnerIds.clear();
        project.participatingPartnerIds.addAll(participants);
        project.assetIds.clear();
        project.assetIds.addAll(assets);
        project.localAuthority = input.getLocalAuthority();
        project.type = input.getType();
        project.programmes = new ArrayList<>(input.getProgrammes() == null ? List.of()
                : input.getProgrammes().stream().map(Objects::toString).sorted().toList());
        project.ragStatus = rag == null ? null : rag.getStatus();
        project.ragReason = rag == null || rag.getReason() == null || rag.getReason().isBlank() ? null
                : rag.getReason().strip();
        ProjectMapper.applyOutcomes(input.getOutcomes(), project);
    }

    private StageChange recordStage(Project project, ProjectStage from, String note) {
        StageChange change = new StageChange();
        change.projectId = project.id;
        change.fromStage = from;
        change.toStage = project.stage;
        change.changedAt = PartnershipCalendar.timestamp(clock);
        change.changedBy = access.username();
        change.partnerId = access.partnerId();
        change.note = note;
        change.persist();
        return change;
    }
}
