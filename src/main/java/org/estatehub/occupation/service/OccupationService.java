package org.estatehub.occupation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.OccupationInput;
import org.estatehub.api.model.Visibility;
import org.estatehub.asset.Asset;
import org.estatehub.asset.service.AssetAccess;
import org.estatehub.common.http.ETags;
import org.estatehub.common.money.Money;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.occupation.Occupation;
import org.estatehub.occupation.OccupationBasis;
import org.estatehub.occupation.mapping.OccupationMapper;
import org.estatehub.partner.Partner;
import org.hibernate.Session;

/**
 * Occupations of assets and who reads which of their terms. The asset's owner, the occupying partner and
 * the readers of everything (pmo-admin, board-member) read an occupation in full; other partners read the
 * occupations of a PARTNERSHIP asset without the commercial terms (rent and service charge are
 * commercially sensitive; the landlord's name goes with them), and nothing of an OWNER_ONLY asset's (404).
 * The asset owner's editors and pmo-admin write (the register's rules for the asset: AssetAccess); an
 * occupier keeps its own record of another's building only through the owner.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OccupationService {

    /** An occupation with what the caller may read of it. */
    public record Shown(Occupation occupation, String assetOwnerPartnerId, boolean full) {
    }

    public record Page(List<Shown> items, long total, BigDecimal derivedUtilisationPercent) {
    }

    static final String COLUMNS = "o.id, o.asset_id, o.occupier_partner_id, o.occupier_name, o.basis, o.area_m2,"
            + " o.desks, o.yearly_rent, o.yearly_service_charge, o.starts_on, o.ends_on, o.break_on, o.rent_review_on,"
            + " o.landlord_name, o.project_id, o.version";

    /** `:all` false limits the list to the caller's own occupations (an occupier of a hidden asset). */
    private static final String FROM = "from occupation o where o.asset_id = :asset"
            + " and (:all or o.occupier_partner_id = :callerPartner)"
            + " and (not :current or (o.starts_on <= :today and (o.ends_on is null or o.ends_on >= :today)))";

    private static final NamedSql PAGE = NamedSql.of("select " + COLUMNS + " " + FROM
            + " order by o.starts_on, o.id limit :limit offset :offset");

    private static final NamedSql COUNT = NamedSql.of("select count(*) " + FROM);

    private static final NamedSql OCCUPIES = NamedSql.of(
            "select count(*) from occupation where asset_id = :asset and occupier_partner_id = :callerPartner");

    /** Occupied m² of every current occupation, whoever may read them: a figure, not their terms. */
    private static final NamedSql OCCUPIED_AREA = NamedSql.of("select sum(area_m2) from occupation"
            + " where asset_id = :asset and starts_on <= :today and (ends_on is null or ends_on >= :today)");

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    AssetAccess access;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(UUID assetId, boolean currentOnly, int limit, int offset) {
        Asset asset = Asset.findById(assetId);
        if (asset == null) {
            throw notFoundAsset(assetId);
        }
        String own = caller.partnerId();
        LocalDate today = PartnershipCalendar.today(clock);
        Map<String, Object> params = new HashMap<>();
        params.put("asset", assetId);
        params.put("callerPartner", own);
        params.put("current", currentOnly);
        params.put("today", today);
        params.put("limit", limit);
        params.put("offset", offset);
        boolean readsAsset = access.canRead(asset);
        params.put("all", readsAsset);
        record Found(List<Occupation> rows, long total, long occupies, java.util.Optional<BigDecimal> area) {
        }
        Found found = em.unwrap(Session.class).doReturningWork(c -> new Found(PAGE.list(c, params, OccupationService::row),
                COUNT.count(c, params), readsAsset ? 0 : OCCUPIES.count(c, params),
                OCCUPIED_AREA.one(c, params, r -> java.util.Optional.ofNullable(r.getBigDecimal(1)))));
        if (!readsAsset && found.occupies() == 0) {
            throw notFoundAsset(assetId);
        }
        List<Shown> shown = found.rows().stream().map(o -> new Shown(o, asset.ownerPartnerId, full(o, asset))).toList();
        return new Page(shown, found.total(), utilisation(found.area().orElse(null), asset.grossInternalAreaM2));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shown get(UUID id) {
        Occupation o = Occupation.findById(id);
        Asset asset = o == null ? null : Asset.findById(o.assetId);
        if (o == null || !full(o, asset) && asset.visibility != Visibility.PARTNERSHIP) {
            throw ProblemException.notFound("No occupation with id '" + id + "'.");
        }
        return new Shown(o, asset.ownerPartnerId, full(o, asset));
    }

    public Shown create(UUID assetId, OccupationInput input) {
        Asset asset = access.requireReadable(Asset.findById(assetId), assetId);
        access.requireWritable(asset);
        validate(input, asset);
        Occupation o = new Occupation();
        o.id = UUID.randomUUID();
        o.assetId = asset.id;
        apply(o, input);
        o.createdAt = PartnershipCalendar.timestamp(clock);
        o.updatedAt = o.createdAt;
        o.persistAndFlush();
        audit.record(OccupationAuditScope.subject(o, asset.ownerPartnerId), AuditActions.CREATED, null,
                snapshot(o, asset.ownerPartnerId));
        return new Shown(o, asset.ownerPartnerId, true);
    }

    public Shown update(UUID id, OccupationInput input, String ifMatch) {
        Occupation o = get(id).occupation();
        Asset asset = Asset.findById(o.assetId);
        access.requireWritable(asset);
        ETags.requireMatch(ifMatch, o.version);
        validate(input, asset);
        var before = snapshot(o, asset.ownerPartnerId);
        apply(o, input);
        o.updatedAt = PartnershipCalendar.timestamp(clock);
        o.flush();
        audit.record(OccupationAuditScope.subject(o, asset.ownerPartnerId), AuditActions.UPDATED, before,
                snapshot(o, asset.ownerPartnerId));
        return new Shown(o, asset.ownerPartnerId, true);
    }

    /** Owner, occupier and the readers of everything read the commercial terms. */
    private boolean full(Occupation o, Asset asset) {
        if (caller.readsEverything()) {
            return true;
        }
        String own = caller.partnerId();
        return asset.ownerPartnerId.equals(own) || own.equals(o.occupierPartnerId);
    }

    private void validate(OccupationInput input, Asset asset) {
        List<FieldError> errors = new java.util.ArrayList<>(OccupationRules.check(input, asset.ownerPartnerId,
                partner -> Partner.findById(partner) != null));
        if (input.getProjectId() != null && org.estatehub.project.Project.findById(input.getProjectId()) == null) {
            errors.add(org.estatehub.common.problem.Problems.fieldError("projectId",
                    "no project '" + input.getProjectId() + "'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(Occupation o, OccupationInput in) {
        o.occupierPartnerId = in.getOccupierPartnerId();
        o.occupierName = in.getOccupierName();
        o.basis = OccupationMapper.fromApi(in.getBasis());
        o.areaM2 = in.getAreaM2() == null ? null : in.getAreaM2().setScale(2, RoundingMode.UNNECESSARY);
        o.desks = in.getDesks();
        o.yearlyRent = Money.fromApi(in.getYearlyRent());
        o.yearlyServiceCharge = Money.fromApi(in.getYearlyServiceCharge());
        o.startsOn = in.getStartsOn();
        o.endsOn = in.getEndsOn();
        o.breakOn = in.getBreakOn();
        o.rentReviewOn = in.getRentReviewOn();
        o.landlordName = in.getLandlordName();
        o.projectId = in.getProjectId();
    }

    private com.fasterxml.jackson.databind.node.ObjectNode snapshot(Occupation o, String owner) {
        // current is derived from today and the withheld flag from the reader: neither is a change.
        return audit.snapshot(OccupationMapper.toApi(o, owner, true, PartnershipCalendar.today(clock)),
                "current", "commercialTermsWithheld");
    }

    static BigDecimal utilisation(BigDecimal occupied, BigDecimal gross) {
        if (occupied == null || gross == null || gross.signum() <= 0) {
            return null;
        }
        BigDecimal percent = occupied.multiply(BigDecimal.valueOf(100)).divide(gross, 2, RoundingMode.HALF_UP);
        return percent.min(BigDecimal.valueOf(100).setScale(2));
    }

    private static ProblemException notFoundAsset(UUID id) {
        return ProblemException.notFound("No asset with id '" + id + "'.");
    }

    static Occupation row(ResultSet r) throws SQLException {
        Occupation o = new Occupation();
        o.id = r.getObject("id", UUID.class);
        o.assetId = r.getObject("asset_id", UUID.class);
        o.occupierPartnerId = r.getString("occupier_partner_id");
        o.occupierName = r.getString("occupier_name");
        o.basis = OccupationBasis.valueOf(r.getString("basis"));
        o.areaM2 = r.getBigDecimal("area_m2");
        int desks = r.getInt("desks");
        o.desks = r.wasNull() ? null : desks;
        o.yearlyRent = Money.ofNullable(r.getBigDecimal("yearly_rent"));
        o.yearlyServiceCharge = Money.ofNullable(r.getBigDecimal("yearly_service_charge"));
        o.startsOn = r.getObject("starts_on", LocalDate.class);
        o.endsOn = r.getObject("ends_on", LocalDate.class);
        o.breakOn = r.getObject("break_on", LocalDate.class);
        o.rentReviewOn = r.getObject("rent_review_on", LocalDate.class);
        o.landlordName = r.getString("landlord_name");
        o.projectId = r.getObject("project_id", UUID.class);
        o.version = r.getLong("version");
        return o;
    }
}
