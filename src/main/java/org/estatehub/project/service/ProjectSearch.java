package org.estatehub.project.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.District;
import org.estatehub.api.model.Programme;
import org.estatehub.api.model.ProjectType;
import org.estatehub.common.paging.NativePaging;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.sql.Like;
import org.estatehub.project.Project;
import org.estatehub.project.ProjectStage;

/** The partnership-wide project list and outcome roll-up, filtered in SQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProjectSearch {

    @Inject
    EntityManager em;

    public record Filter(ProjectStage stage, ProjectType type, District district, String lead, String partner,
            Programme programme, String text) {
    }

    public record Page(List<Project> items, long total) {
    }

    public record Totals(int projects, long homesTarget, long homesActual, long jobsTarget, long jobsActual,
            BigDecimal receiptsTarget, BigDecimal receiptsActual, BigDecimal savingsTarget, BigDecimal savingsActual,
            BigDecimal landTarget, BigDecimal landActual) {
    }

    public Page list(Filter filter, int limit, int offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        Slice<Project> page = NativePaging.page(em, Project.class, "p", "from project p where " + where,
                "p.name, p.id", params, limit, offset);
        return new Page(page.items(), page.total());
    }

    public Totals totals(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        if (filter.stage() == null) {
            where += " and p.stage <> 'WITHDRAWN'";
        }
        var query = em.createNativeQuery("""
                select count(*), coalesce(sum(homes_target), 0), coalesce(sum(homes_actual), 0),
                       coalesce(sum(jobs_target), 0), coalesce(sum(jobs_actual), 0),
                       coalesce(sum(capital_receipts_target), 0), coalesce(sum(capital_receipts_actual), 0),
                       coalesce(sum(running_cost_savings_target), 0), coalesce(sum(running_cost_savings_actual), 0),
                       coalesce(sum(land_released_target_ha), 0), coalesce(sum(land_released_actual_ha), 0)
                  from project p where
                """ + " " + where, Object[].class);
        params.forEach(query::setParameter);
        Object[] r = (Object[]) query.getSingleResult();
        return new Totals(((Number) r[0]).intValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), (BigDecimal) r[5], (BigDecimal) r[6],
                (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9], (BigDecimal) r[10]);
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (f.stage() != null) {
            conditions.add("p.stage = :stage");
            params.put("stage", f.stage().name());
        }
        if (f.type() != null) {
            conditions.add("p.type = :type");
            params.put("type", f.type().toString());
        }
        if (f.district() != null) {
            conditions.add("p.district = :district");
            params.put("district", f.district().toString());
        }
        if (f.lead() != null) {
            conditions.add("p.lead_partner_id = :lead");
            params.put("lead", f.lead());
        }
        if (f.partner() != null) {
            conditions.add("(p.lead_partner_id = :partner or exists (select 1 from project_partner pp"
                    + " where pp.project_id = p.id and pp.partner_id = :partner))");
            params.put("partner", f.partner());
        }
        if (f.programme() != null) {
            // Declared on the project, or actually awarded money under the programme.
            conditions.add("(cast(:programme as varchar) = any(p.programmes) or exists (select 1 from award a"
                    + " where a.project_id = p.id and a.programme = :programme))");
            params.put("programme", f.programme().toString());
        }
        if (f.text() != null) {
            conditions.add("p.name ilike :text");
            params.put("text", Like.containing(f.text()));
        }
        return String.join(" and ", conditions);
    }
}
