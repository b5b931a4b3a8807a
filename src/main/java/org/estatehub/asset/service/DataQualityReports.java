package org.estatehub.asset.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.DataQualityAsset;
import org.estatehub.api.model.DataQualityAssetList;
import org.estatehub.api.model.DataQualityReport;
import org.estatehub.api.model.DataQualityScope;
import org.estatehub.api.model.SharedUprn;
import org.estatehub.api.model.SharedUprnList;
import org.estatehub.api.model.StaleRecordList;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.partner.service.PartnerService;
import org.hibernate.Session;

/**
 * `GET /data-quality`: how complete and consistent a partner's (or the partnership's) asset records are,
 * counted in SQL over the non-disposed assets the caller may see (DataQualityRules says what counts).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DataQualityReports {

    @Inject
    EntityManager em;

    @Inject
    AssetAccess assetAccess;

    @Inject
    Caller caller;

    @Inject
    PartnerService partners;

    @Inject
    Clock clock;

    /** The report's request, after the HTTP layer's own checks (ranges, patterns, the filter's codes). */
    public record Request(String partner, DataQualityScope scope, String localAuthority, Set<String> filterArea,
            int staleAfterDays, int listLimit) {
    }

    public DataQualityReport report(Request request) {
        String partner = partnerOf(request);
        OffsetDateTime asOf = PartnershipCalendar.timestamp(clock);
        OffsetDateTime updatedBefore = asOf.minusDays(request.staleAfterDays());

        // The assets counted: non-disposed, visible to the caller (whoever may ask for a partner reads all
        // its assets, but the rule stays here too), of the partner or all, in the filter's area.
        StringBuilder where = new StringBuilder("a.status <> 'DISPOSED' and ").append(assetAccess.visibleSql());
        Map<String, Object> params = new HashMap<>();
        if (partner != null) {
            where.append(" and a.owner_partner_id = :partner");
            params.put("partner", partner);
        }
        if (request.filterArea() != null) {
            where.append(" and a.local_authority = any(cast(:authorities as varchar[]))");
            params.put("authorities", request.filterArea().toArray(String[]::new));
        }
        if (!assetAccess.visibleSql().equals("true")) {
            params.put("callerPartner", assetAccess.callerPartner());
        }
        params.put("listLimit", request.listLimit());
        params.put("updatedBefore", updatedBefore);
        String scoped = where.toString();

        return em.unwrap(Session.class).doReturningWork(connection -> {
            NamedSql counts = NamedSql.of("select count(*) assets, " + DataQualityRules.COLUMNS
                    + " from asset a where " + scoped);
            record Totals(int assets, DataQualityRules.Counts counts) {
            }
            Totals totals = counts.one(connection, params,
                    row -> new Totals(row.getInt("assets"), DataQualityRules.read(row)));

            DataQualityAssetList invalid = assetList(connection, params, scoped + " and a.uprn is not null and not "
                    + DataQualityRules.VALID_UPRN, "a.owner_partner_id, a.name, a.id");
            DataQualityAssetList withoutLocation = assetList(connection, params, scoped + " and a.latitude is null",
                    "a.owner_partner_id, a.name, a.id");
            DataQualityAssetList stale = assetList(connection, params, scoped + " and a.updated_at < :updatedBefore",
                    "a.updated_at, a.id");

            return new DataQualityReport().asOf(asOf).scope(request.scope()).partner(partner)
                    .localAuthority(request.localAuthority()).assets(totals.assets())
                    .completeness(totals.counts().fields())
                    .invalidUprns(invalid)
                    .sharedUprns(sharedUprns(connection, params, scoped))
                    .staleRecords(new StaleRecordList().staleAfterDays(request.staleAfterDays())
                            .updatedBefore(updatedBefore).total(stale.getTotal()).items(stale.getItems())
                            .oldestUpdatedAt(stale.getItems().isEmpty() ? null : stale.getItems().get(0).getUpdatedAt()))
                    .withoutLocation(withoutLocation)
                    .listLimit(request.listLimit());
        });
    }

    /**
     * The partner whose assets are counted (null: every partner's). Who may ask for whom follows the
     * asset register's reading rule: only those who read every partner's assets ask for another partner or
     * for the whole partnership, since a report on a partner counts its OWNER_ONLY assets. An unknown
     * partner is a 400 before that check: the partner list is public, so it reveals nothing.
     */
    private String partnerOf(Request request) {
        if (request.scope() == DataQualityScope.PARTNERSHIP) {
            if (request.partner() != null) {
                throw ProblemException.invalid(List.of(Problems.fieldError("partner",
                        "give a partner or scope=PARTNERSHIP, not both")));
            }
            if (!caller.readsEverything()) {
                throw ProblemException.forbidden(
                        "The whole partnership's data quality is for pmo-admin and board-member; ask for your own partner's.");
            }
            return null;
        }
        if (request.partner() == null) {
            return caller.partnerId();
        }
        if (partners.find(request.partner()).isEmpty()) {
            throw ProblemException.invalid(List.of(Problems.fieldError("partner",
                    "no partner with id '" + request.partner() + "' (see GET /partners)")));
        }
        if (!caller.readsEverything() && !request.partner().equals(caller.partnerIdIfAny().orElse(null))) {
            throw ProblemException.forbidden("Only pmo-admin and board-member ask for another partner's data quality;"
                    + " yours is partner=" + caller.partnerIdIfAny().orElse("(none)") + ".");
        }
        return request.partner();
    }

    /** The assets matching `where`, the first :listLimit in `order`, with how many there are in all. */
    private static DataQualityAssetList assetList(Connection connection, Map<String, Object> params, String where,
            String order) throws SQLException {
        // count(*) over () is taken before the limit: every row carries the list's total.
        NamedSql select = NamedSql.of("select a.id, a.owner_partner_id, a.name, a.local_authority, a.uprn,"
                + " a.updated_at, count(*) over () total from asset a where " + where + " order by " + order
                + " limit :listLimit");
        int[] total = {0};
        List<DataQualityAsset> items = select.list(connection, params, row -> {
            total[0] = row.getInt("total");
            return asset(row);
        });
        return new DataQualityAssetList().total(total[0]).items(items);
    }

    private static DataQualityAsset asset(ResultSet row) throws SQLException {
        return new DataQualityAsset().id(row.getObject("id", UUID.class)).partnerId(row.getString("owner_partner_id"))
                .name(row.getString("name")).localAuthority(row.getString("local_authority"))
                .uprn(row.getString("uprn"))
                .updatedAt(row.getObject("updated_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * Valid UPRNs of the assets counted that non-disposed assets of two or more partners hold, among the
     * assets the caller may see (anywhere: the filter chose the UPRNs), the first :listLimit in numeric
     * order with every holder. A hidden asset neither appears nor makes a UPRN shared.
     */
    private SharedUprnList sharedUprns(Connection connection, Map<String, Object> params, String scoped)
            throws SQLException {
        // The shared UPRNs are found from V21's index on (uprn, owner) alone, and only the first :listLimit
        // of them are joined back to their holders' rows (EXPLAIN in README "Data quality").
        NamedSql select = NamedSql.of("with scoped as (select distinct a.uprn from asset a where " + scoped
                + " and " + DataQualityRules.VALID_UPRN + "),"
                + " shared as (select a.uprn, count(*) over () total from asset a"
                + " where a.status <> 'DISPOSED' and " + assetAccess.visibleSql()
                + " and a.uprn in (select uprn from scoped) group by a.uprn"
                + " having count(distinct a.owner_partner_id) > 1 order by length(a.uprn), a.uprn limit :listLimit)"
                + " select a.id, a.owner_partner_id, a.name, a.local_authority, a.uprn, a.updated_at, s.total"
                + " from shared s join asset a on a.uprn = s.uprn"
                + " where a.status <> 'DISPOSED' and " + assetAccess.visibleSql()
                + " order by length(a.uprn), a.uprn, a.owner_partner_id, a.name, a.id");
        int[] total = {0};
        Map<String, SharedUprn> byUprn = new LinkedHashMap<>();
        select.list(connection, params, row -> {
            total[0] = row.getInt("total");
            DataQualityAsset asset = asset(row);
            SharedUprn shared = byUprn.computeIfAbsent(asset.getUprn(),
                    uprn -> new SharedUprn().uprn(uprn).partners(new ArrayList<>()).assets(new ArrayList<>()));
            if (!shared.getPartners().contains(asset.getPartnerId())) {
                shared.getPartners().add(asset.getPartnerId());
            }
            shared.getAssets().add(asset);
            return null;
        });
        return new SharedUprnList().total(total[0]).items(new ArrayList<>(byUprn.values()));
    }
}
