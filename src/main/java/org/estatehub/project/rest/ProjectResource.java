package org.estatehub.project.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.ProjectsApi;
import org.estatehub.api.model.CountTotals;
import org.estatehub.api.model.HectaresTotals;
import org.estatehub.api.model.MilestoneInput;
import org.estatehub.api.model.MoneyTotals;
import org.estatehub.api.model.OutcomeTotals;
import org.estatehub.api.model.Programme;
import org.estatehub.api.model.ProjectInput;
import org.estatehub.api.model.ProjectPage;
import org.estatehub.api.model.ProjectStage;
import org.estatehub.api.model.ProjectType;
import org.estatehub.api.model.StageChangeList;
import org.estatehub.api.model.StageChangeRequest;
import org.estatehub.authority.service.LocalAuthorities;
import org.estatehub.common.http.ETags;
import org.estatehub.common.money.Moneys;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.disposal.service.LandRelease;
import org.estatehub.project.Milestone;
import org.estatehub.project.Project;
import org.estatehub.project.mapping.ProjectMapper;
import org.estatehub.project.service.ProjectSearch;
import org.estatehub.project.service.ProjectService;

import io.quarkus.security.Authenticated;

@Authenticated
public class ProjectResource implements ProjectsApi {

    @Inject
    Clock clock;

    @Inject
    ProjectService projects;

    @Inject
    ProjectSearch search;

    @Inject
    LocalAuthorities authorities;

    @Inject
    LandRelease landRelease;

    @Override
    public Response listProjects(ProjectStage stage, ProjectType type, String localAuthority, String lead, String partner,
            Programme programme, String q, Integer limit, Integer offset) {
        var page = search.list(new ProjectSearch.Filter(ProjectMapper.fromApi(stage), type,
                authorities.filterArea("localAuthority", localAuthority), lead, partner,
                programme, q == null || q.isBlank() ? null : q.strip()), limit, offset);
        return Response.ok(new ProjectPage()
                .items(page.items().stream().map(p -> ProjectMapper.toSummary(p, authorities)).toList())
                .total(page.total())
                .limit(limit)
                .offset(offset)).build();
    }

    @Override
    public Response getProjectOutcomeTotals(ProjectStage stage, ProjectType type, String localAuthority, String partner,
            Programme programme) {
        var t = search.totals(new ProjectSearch.Filter(ProjectMapper.fromApi(stage), type,
                authorities.filterArea("localAuthority", localAuthority), null, partner,
                programme, null));
        return Response.ok(new OutcomeTotals()
                .projectCount(t.projects())
                .homes(new CountTotals().target(t.homesTarget()).actual(t.homesActual()))
                .jobs(new CountTotals().target(t.jobsTarget()).actual(t.jobsActual()))
                .capitalReceipts(money(t.receiptsTarget(), t.receiptsActual()))
                .runningCostSavings(money(t.savingsTarget(), t.savingsActual()))
                .landReleased(new HectaresTotals().target(ProjectMapper.hectares(t.landTarget()))
                        .actual(ProjectMapper.hectares(t.landActual())))).build();
    }

    @Override
    public Response createProject(ProjectInput input) {
        Project project = projects.create(input);
        return withETag(Response.created(URI.create("/projects/" + project.id)), project);
    }

    @Override
    public Response getProject(UUID projectId) {
        return withETag(Response.ok(), projects.getDetails(projectId));
    }

    @Override
    public Response updateProject(UUID projectId, ProjectInput input, String ifMatch) {
        return withETag(Response.ok(), projects.update(projectId, input, ifMatch));
    }

    @Override
    public Response changeProjectStage(UUID projectId, StageChangeRequest request, String ifMatch) {
        var change = projects.changeStage(projectId, ProjectMapper.fromApi(request.getToStage()), request.getNote(),
                ifMatch);
        return Response.status(201).entity(ProjectMapper.toApi(change))
                .header("ETag", ETags.of(projects.find(projectId).version)).build();
    }

    @Override
    public Response listProjectStageChanges(UUID projectId) {
        return Response.ok(new StageChangeList()
                .projectId(projectId)
                .items(projects.stageHistory(projectId).stream().map(ProjectMapper::toApi).toList())).build();
    }

    @Override
    public Response addMilestone(UUID projectId, MilestoneInput input) {
        Milestone milestone = projects.addMilestone(projectId, input);
        return Response.status(201).entity(ProjectMapper.toApi(milestone, PartnershipCalendar.today(clock)))
                .header("ETag", ETags.of(milestone.version)).build();
    }

    @Override
    public Response updateMilestone(UUID projectId, UUID milestoneId, MilestoneInput input, String ifMatch) {
        Milestone milestone = projects.updateMilestone(projectId, milestoneId, input, ifMatch);
        return Response.ok(ProjectMapper.toApi(milestone, PartnershipCalendar.today(clock)))
                .header("ETag", ETags.of(milestone.version)).build();
    }

    private Response withETag(Response.ResponseBuilder builder, Project project) {
        // The disposals' figures are beside the representation, not in it: they change with the disposals, not
        // the project, so they are not in the project's history snapshots either.
        return builder.entity(ProjectMapper.toApi(project, projects.milestones(project.id),
                PartnershipCalendar.today(clock), authorities)
                .disposalOutcomes(landRelease.ofProject(project, LandRelease.ALL_TIME)))
                .header("ETag", ETags.of(project.version)).build();
    }

    private static MoneyTotals money(BigDecimal target, BigDecimal actual) {
        return new MoneyTotals().target(Moneys.gbp(target)).actual(Moneys.gbp(actual));
    }
}
