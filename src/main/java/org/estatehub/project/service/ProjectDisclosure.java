package org.estatehub.project.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.MonitoringProjectRow;
import org.estatehub.api.model.MonitoringReturn;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.project.Project;
import org.hibernate.Session;

/**
 * What the partnership-wide summary of a project holds, and who reads more than the summary: the one
 * rule every read path about a project applies (GET /projects and /projects/{id}, its stage changes and
 * history, the change feed, the monitoring return as preview, stored snapshot and CSV, the dashboards).
 *
 * <p><b>Who reads the details.</b> The project's lead and participating partners, judged by who takes
 * part now (also for a stored return or an old event: a partner that leaves a project leaves its
 * details behind), and the programme's overseers: pmo-admin and board-member, who read everything, and
 * the S.151 officer, who answers for the money. The overseers keep the full monitoring return.
 *
 * <p><b>The summary, for every partner</b>, field by field:
 * <ul>
 * <li>id, name, lead partner, participating partners, local authority (code and name), type: who is
 * doing what where. This is the partnership's register of joint work, by which a partner finds a project
 * to join or to co-locate with; GET /projects has always shown it to everyone (the authority as the
 * district before contract 2.0.0).
 * <li>stage and RAG status (the colour only): the pipeline everyone plans against (the pipeline
 * dashboard counts projects by stage) and a one-word health signal GET /projects has always listed.
 * <li>programmes, awarded and released money: funding is reported partnership-wide (awards, the funding
 * summary and its dashboard are open to every partner), so a return's money columns reveal nothing new.
 * </ul>
 *
 * <p><b>The details, for the participants and the overseers only</b>:
 * <ul>
 * <li>RAG reason: free text on why a project is AMBER or RED, often about one partner's budget, members'
 * decisions or a dispute; the colour is summary, the explanation is not.
 * <li>milestones (and a return's milestones due and missed): the participants' delivery plan, naming
 * who owes what by when.
 * <li>outcomes per project (homes, jobs, capital receipts, running-cost savings, land): targets and
 * actuals are commercially sensitive (receipts from disposals still being negotiated). So are the
 * project's `disposalOutcomes`, its sums of the completed disposals naming it: each disposal's completion
 * is published on the disposal itself, but the project's roll-up beside its entered outcomes is a detail
 * like them (and a return's rows are rebuilt without it, see summaryOf).
 * <li>description, assets, stage-change notes, and in history and feed the changes to any of these and
 * every milestone event's changes (which would otherwise replay the details). The feed shows everyone
 * the changes to the summary fields ({@link #SUMMARY_PATHS}), as GET /projects shows their values.
 * </ul>
 *
 * <p>Sums over projects (a return's totals, GET /projects/outcomes) stay partnership-wide: they are the
 * programme's own results as reported to OPE, not any one project's. (GET /projects/outcomes with
 * narrow filters can still sum a single project; closing that needs a minimum group size, not this rule.)
 *
 * <p>Hidden fields are omitted, never blanked with a placeholder; a row is rebuilt from the summary
 * fields named here, so a field added to the return later stays hidden until it is listed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProjectDisclosure {

    /**
     * The summary fields as paths of a project's recorded representation (GET /projects/{id} without
     * milestones), i.e. the keys of `changes` in its history and feed: everyone reads changes there.
     */
    public static final List<String> SUMMARY_PATHS = List.of("name", "leadPartnerId", "participatingPartnerIds",
            "localAuthority", "localAuthorityName", "type", "stage", "rag.status", "programmes");

    private static final NamedSql INVOLVED_IN = NamedSql.of("""
            select p.id from project p where p.id = any(:ids)
               and (p.lead_partner_id = :partner or exists (select 1 from project_partner pp
                    where pp.project_id = p.id and pp.partner_id = :partner))""");

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    public boolean readsDetails(Project project) {
        return caller.oversees() || project.involves(caller.partnerId());
    }

    /**
     * The same rule in SQL, for the project whose id is the uuid expression `projectId`; binds
     * `:callerPartner` unless the caller is an overseer.
     */
    public static String detailsSql(Caller caller, String projectId) {
        if (caller.oversees()) {
            return "true";
        }
        return "exists (select 1 from project p where p.id = " + projectId
                + " and (p.lead_partner_id = :callerPartner or exists (select 1 from project_partner pp"
                + " where pp.project_id = p.id and pp.partner_id = :callerPartner)))";
    }

    /**
     * The return as this caller may read it: the overseers get it whole; everyone else gets the full row
     * of the projects they take part in and the summary of every other project. `full` is not changed.
     */
    public MonitoringReturn disclose(MonitoringReturn full) {
        if (caller.oversees() || full.getProjects() == null || full.getProjects().isEmpty()) {
            return full;
        }
        Set<UUID> detailed = involvedIn(full.getProjects().stream().map(MonitoringProjectRow::getProjectId).toList());
        List<MonitoringProjectRow> rows = full.getProjects().stream()
                .map(row -> detailed.contains(row.getProjectId()) ? row : summaryOf(row)).toList();
        return new MonitoringReturn().period(full.getPeriod()).periodStart(full.getPeriodStart())
                .periodEnd(full.getPeriodEnd()).status(full.getStatus()).generatedAt(full.getGeneratedAt())
                .submittedBy(full.getSubmittedBy()).narrative(full.getNarrative()).projects(rows)
                .totals(full.getTotals()).landRelease(full.getLandRelease());
    }

    /** The summary fields of a return's row, and nothing else. */
    static MonitoringProjectRow summaryOf(MonitoringProjectRow row) {
        return new MonitoringProjectRow().projectId(row.getProjectId()).projectName(row.getProjectName())
                .leadPartnerId(row.getLeadPartnerId()).programmes(row.getProgrammes()).stage(row.getStage())
                .ragStatus(row.getRagStatus()).awarded(row.getAwarded()).released(row.getReleased());
    }

    /** Of `projects`, those the caller's partner leads or takes part in now. */
    private Set<UUID> involvedIn(Collection<UUID> projects) {
        Optional<String> partner = caller.partnerIdIfAny();
        if (partner.isEmpty()) {
            return Set.of();
        }
        // The session's own connection, as a native query of this EntityManager would use.
        List<UUID> ids = em.unwrap(Session.class).doReturningWork(connection -> INVOLVED_IN.list(connection,
                Map.of("ids", connection.createArrayOf("uuid", projects.toArray()), "partner", partner.get()),
                row -> row.getObject(1, UUID.class)));
        return ids.stream().collect(Collectors.toSet());
    }
}
