package org.estatehub.project.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.Programme;
import org.estatehub.api.model.ProjectType;
import org.estatehub.common.paging.NativePaging;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.sql.Like;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.sql.Where;
import org.estatehub.project.Project;
import org.estatehub.project.ProjectStage;
import org.hibernate.Session;

/** The partnership-wide project list and outcome roll-up, filtered in SQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProjectSearch {

    @Inject
    EntityManager em;

    /** {@code localAuthorities}: the codes a localAuthority filter matches (a county brings its districts); null for all. */
    public record Filter(ProjectStage stage, ProjectType type, Set<String> localAuthorities, String lead,
            String partner, Programme programme, String text) {
    }

    public record Page(List<Project> items, long total) {
    }

    public record Totals(int projects, long homesTarget, long homesActual, long jobsTarget, long jobsActual,
            BigDecimal receiptsTarget, BigDecimal receiptsActual, BigDecimal savingsTarget, BigDecimal savingsActual,
            BigDecimal landTarget, BigDecimal landActual) {
    }

    public Page list(Filter filter, int limit, int offset) {
        Where where = where(filter);
        Slice<Project> page = NativePaging.page(em, Project.class, "p", "from project p " + where.sql(),
                "p.name, p.id", where.params(), limit, offset);
        return new Page(page.items(), page.total());
    }

    public Totals totals(Filter filter) {
        Where where = where(filter);
        if (filter.stage() == null) {
            where.and("p.stage <> 'WITHDRAWN'");
        }
        NamedSql totals = NamedSql.of("""
                select count(*), coalesce(sum(homes_target), 0), coalesce(sum(homes_actual), 0),
                       coalesce(sum(jobs_target), 0), coalesce(sum(jobs_actual), 0),
                       coalesce(sum(capital_receipts_target), 0), coalesce(sum(capital_receipts_actual), 0),
                       coalesce(sum(running_cost_savings_target), 0), coalesce(sum(running_cost_savings_actual), 0),
                       coalesce(sum(land_released_target_ha), 0), coalesce(sum(land_released_actual_ha), 0)
                  from project p
                """ + where.sql());
        // The session's own connection, as a native query of this EntityManager would use.
        return em.unwrap(Session.class).doReturningWork(connection -> totals.one(connection, where.params(),
                r -> new Totals(r.getInt(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                        r.getBigDecimal(6), r.getBigDecimal(7), r.getBigDecimal(8), r.getBigDecimal(9),
                        r.getBigDecimal(10), r.getBigDecimal(11))));
    }

    private static Where where(Filter f) {
        Where where = new Where();
        if (f.stage() != null) {
            where.and("p.stage = :stage", "stage", f.stage().name());
        }
        if (f.type() != null) {
            where.and("p.type = :type", "type", f.type().toString());
        }
        if (f.localAuthorities() != null) {
            where.and("p.local_authority = any(cast(:authorities as varchar[]))", "authorities",
                    f.localAuthorities().toArray(String[]::new));
        }
        if (f.lead() != null) {
            where.and("p.lead_partner_id = :lead", "lead", f.lead());
        }
        if (f.partner() != null) {
            where.and("(p.lead_partner_id = :partner or exists (select 1 from project_partner pp"
                    + " where pp.project_id = p.id and pp.partner_id = :partner))", "partner", f.partner());
        }
        if (f.programme() != null) {
            // Declared on the project, or actually awarded money under the programme.
            where.and("(cast(:programme as varchar) = any(p.programmes) or exists (select 1 from award a"
                    + " where a.project_id = p.id and a.programme = :programme))", "programme",
                    f.programme().toString());
        }
        if (f.text() != null) {
            where.and("p.name ilike :text", "text", Like.containing(f.text()));
        }
        return where;
    }
}
