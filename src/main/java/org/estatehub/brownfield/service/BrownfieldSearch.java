package org.estatehub.brownfield.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.common.sql.Like;
import org.estatehub.partner.Partner;

/**
 * Searches the sites. No visibility condition: registers are public (BrownfieldAccess). Ordered by name
 * then id, so pages are stable; the export orders by owner and site reference, as a register file is.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BrownfieldSearch {

    @Inject
    EntityManager em;

    public record Result(List<BrownfieldSite> sites, long total) {
    }

    public Result search(BrownfieldQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        TypedQuery<BrownfieldSite> page = em.createQuery("from BrownfieldSite s" + where + " order by s.name, s.id",
                BrownfieldSite.class).setFirstResult(query.offset()).setMaxResults(query.limit());
        TypedQuery<Long> count = em.createQuery("select count(s) from BrownfieldSite s" + where, Long.class);
        params.forEach((name, value) -> {
            page.setParameter(name, value);
            count.setParameter(name, value);
        });
        return new Result(page.getResultList(), count.getSingleResult());
    }

    /** The sites of an export and their owners' names. */
    public record Export(List<BrownfieldSite> sites, Map<String, String> ownerNames) {
    }

    /** Every matching site for an export, in register order (owner, then site reference). */
    public Export export(BrownfieldQuery query) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<BrownfieldSite> all = em.createQuery("from BrownfieldSite s" + where(query, params)
                + " order by s.ownerPartnerId, s.siteReference", BrownfieldSite.class);
        params.forEach(all::setParameter);
        Map<String, String> names = new HashMap<>();
        Partner.<Partner>listAll().forEach(p -> names.put(p.id, p.name));
        return new Export(all.getResultList(), names);
    }

    private static String where(BrownfieldQuery q, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (q.partner() != null) {
            conditions.add("s.ownerPartnerId = :partner");
            params.put("partner", q.partner());
        }
        if (q.localAuthorities() != null) {
            conditions.add("s.localAuthority in :authorities");
            params.put("authorities", q.localAuthorities());
        }
        if (q.planningStatus() != null) {
            conditions.add("s.planningStatus = :planningStatus");
            params.put("planningStatus", q.planningStatus());
        }
        if (q.ownershipStatus() != null) {
            conditions.add("s.ownershipStatus = :ownershipStatus");
            params.put("ownershipStatus", q.ownershipStatus());
        }
        if (q.deliverable() != null) {
            // The 2017 standard marks deliverable sites "yes" and leaves the rest empty.
            conditions.add(q.deliverable() ? "s.deliverable = true" : "(s.deliverable is null or s.deliverable = false)");
        }
        if (q.text() != null) {
            conditions.add("lower(concat(s.name, ' ', coalesce(s.siteAddress, ''), ' ', s.siteReference)) like :text"
                    + " escape '\\'");
            params.put("text", Like.containing(q.text()));
        }
        if (q.located()) {
            conditions.add("s.latitude is not null");
        }
        if (q.bbox() != null) {
            // The unmapped PostGIS column through HQL's column() and sql(): ST_Intersects brings its `&&` on
            // brownfield_site_footprint, and counts a point on an edge as inside, as `between` did.
            // sql() is typed Object to HQL, hence the cast (PostgreSQL drops it, and the `= true`, when planning).
            conditions.add("cast(sql('ST_Intersects(?, ST_MakeEnvelope(?, ?, ?, ?, 4326))', column(s.footprint),"
                    + " :minLon, :minLat, :maxLon, :maxLat) as Boolean) = true");
            params.put("minLon", q.bbox()[0]);
            params.put("minLat", q.bbox()[1]);
            params.put("maxLon", q.bbox()[2]);
            params.put("maxLat", q.bbox()[3]);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
