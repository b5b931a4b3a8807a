package org.estatehub.disposal.service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.common.paging.Slice;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.sql.Where;
import org.estatehub.disposal.Disposal;
import org.estatehub.disposal.DisposalStatus;
import org.estatehub.disposal.PublishedSite;
import org.hibernate.Session;

/**
 * Reads of disposals that only map rows (lists and the export): one statement joining each disposal to its
 * asset's published fields, never through the register's sharing rules (a disposal is everyone's) and never
 * selecting any other asset column.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DisposalReads {

    /** A disposal with the published fields of its asset. */
    public record Row(Disposal disposal, PublishedSite site) {
    }

    /** `localAuthorities`: the codes a localAuthority filter matches (a county brings its districts); null for all. */
    public record Filter(DisposalStatus status, String ownerPartnerId, Set<String> localAuthorities, Boolean windowOpen) {
    }

    private static final String SITE_COLUMNS = "a.id as site_id, a.name as site_name, a.street as site_street,"
            + " a.town as site_town, a.postcode as site_postcode, a.local_authority as site_local_authority,"
            + " a.latitude as site_latitude, a.longitude as site_longitude";

    private static final NamedSql SITE = NamedSql.of("select " + SITE_COLUMNS + " from asset a where a.id = :id");

    /** Newest declaration first; the id breaks ties so that pages never overlap. */
    private static final String ORDER = " order by d.declared_on desc, d.created_at desc, d.id";

    @Inject
    EntityManager em;

    public PublishedSite site(UUID assetId) {
        return em.unwrap(Session.class).doReturningWork(c -> SITE.one(c, Map.of("id", assetId), DisposalReads::site));
    }

    public Slice<Row> list(Filter filter, LocalDate today, int limit, int offset) {
        Where where = where(filter, today);
        NamedSql page = NamedSql.of("select d.*, " + SITE_COLUMNS + " from disposal d join asset a on a.id = d.asset_id "
                + where.sql() + ORDER + " limit :limit offset :offset");
        NamedSql count = NamedSql.of("select count(*) from disposal d join asset a on a.id = d.asset_id " + where.sql());
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        params.put("offset", offset);
        return em.unwrap(Session.class).doReturningWork(c -> new Slice<>(page.list(c, params, DisposalReads::row),
                count.count(c, where.params())));
    }

    public List<Row> export(Filter filter, LocalDate today) {
        Where where = where(filter, today);
        NamedSql all = NamedSql.of("select d.*, " + SITE_COLUMNS + " from disposal d join asset a on a.id = d.asset_id "
                + where.sql() + ORDER);
        return em.unwrap(Session.class).doReturningWork(c -> all.list(c, where.params(), DisposalReads::row));
    }

    private static Where where(Filter f, LocalDate today) {
        Where where = new Where();
        if (f.status() != null) {
            where.and("d.status = :status", "status", f.status().name());
        }
        if (f.ownerPartnerId() != null) {
            where.and("d.owner_partner_id = :owner", "owner", f.ownerPartnerId());
        }
        if (f.localAuthorities() != null) {
            where.and("a.local_authority = any(cast(:authorities as varchar[]))", "authorities",
                    f.localAuthorities().toArray(String[]::new));
        }
        if (f.windowOpen() != null) {
            // The same rule as Disposal.windowOpen, in SQL.
            String open = "d.status = 'OFFERED' and d.interest_closes_on >= :today";
            where.and(f.windowOpen() ? open : "not (" + open + ")", "today", today);
        }
        return where;
    }

    private static PublishedSite site(ResultSet r) throws SQLException {
        return new PublishedSite(r.getObject("site_id", UUID.class), r.getString("site_name"), r.getString("site_street"),
                r.getString("site_town"), r.getString("site_postcode"), r.getString("site_local_authority"),
                r.getBigDecimal("site_latitude"), r.getBigDecimal("site_longitude"));
    }

    private static Row row(ResultSet r) throws SQLException {
        Disposal d = new Disposal();
        d.id = r.getObject("id", UUID.class);
        d.assetId = r.getObject("asset_id", UUID.class);
        d.ownerPartnerId = r.getString("owner_partner_id");
        d.status = DisposalStatus.valueOf(r.getString("status"));
        d.reason = r.getString("reason");
        d.availableFrom = date(r, "available_from");
        Array types = r.getArray("offer_types");
        d.offerTypes = Arrays.asList((String[]) types.getArray());
        d.guidePrice = r.getBigDecimal("guide_price");
        d.siteAreaHectares = r.getBigDecimal("site_area_hectares");
        d.knownConstraints = r.getString("known_constraints");
        d.contactName = r.getString("contact_name");
        d.contactEmail = r.getString("contact_email");
        d.contactPhone = r.getString("contact_phone");
        d.declaredOn = date(r, "declared_on");
        d.interestWindowWorkingDays = r.getInt("interest_window_working_days");
        d.interestClosesOn = date(r, "interest_closes_on");
        d.agreedInterestId = r.getObject("agreed_interest_id", UUID.class);
        d.receivingPartnerId = r.getString("receiving_partner_id");
        d.agreedOn = date(r, "agreed_on");
        d.releasedOn = date(r, "released_on");
        d.withdrawnOn = date(r, "withdrawn_on");
        d.withdrawalReason = r.getString("withdrawal_reason");
        d.completedOn = date(r, "completed_on");
        d.capitalReceipt = r.getBigDecimal("capital_receipt");
        d.hectaresReleased = r.getBigDecimal("hectares_released");
        int capacity = r.getInt("housing_capacity");
        d.housingCapacity = r.wasNull() ? null : capacity;
        d.projectId = r.getObject("project_id", UUID.class);
        d.createdAt = r.getObject("created_at", OffsetDateTime.class);
        d.updatedAt = r.getObject("updated_at", OffsetDateTime.class);
        d.version = r.getLong("version");
        return new Row(d, site(r));
    }

    private static LocalDate date(ResultSet r, String column) throws SQLException {
        return r.getObject(column, LocalDate.class);
    }
}
