package org.estatehub.mou.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.MouCreate;
import org.estatehub.api.model.MouStatusChange;
import org.estatehub.common.http.ETags;
import org.estatehub.common.paging.NativePaging;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.Where;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.mou.Mou;
import org.estatehub.mou.MouMapper;
import org.estatehub.mou.MouStatus;
import org.estatehub.partner.Partner;

/** MOUs between partners and the accountable body, and the rule that gates OPE releases on them. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class MouService {

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    public record Coverage(Partner partner, String state, Mou mou) {
    }

    /** No OPE money is released to a partner without a signed, unexpired MOU. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireInForce(String partnerId, LocalDate today) {
        boolean inForce = Mou.<Mou>list("partnerId = ?1 and status = ?2", partnerId, MouStatus.SIGNED).stream()
                .anyMatch(m -> m.inForce(today));
        if (!inForce) {
            Partner partner = Partner.findById(partnerId);
            throw new ProblemException(409, "mou-required", "Signed MOU required",
                    (partner == null ? partnerId : partner.name) + " has no signed, unexpired MOU with the"
                            + " accountable body, so OPE money cannot be released to it.");
        }
    }

    /** `effectiveStatus` as the contract shows it: SIGNED means signed and unexpired, EXPIRED signed and past expiry. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<Mou> list(String partner, org.estatehub.api.model.MouStatus effectiveStatus, int limit, int offset) {
        Where where = new Where();
        if (!caller.oversees()) {
            where.and("m.partner_id = :own", "own", caller.partnerId());
        }
        if (partner != null) {
            where.and("m.partner_id = :partner", "partner", partner);
        }
        if (effectiveStatus != null) {
            switch (effectiveStatus) {
                case EXPIRED -> where.and("m.status = 'SIGNED' and m.expires_on < :today", "today",
                        PartnershipCalendar.today(clock));
                case SIGNED -> where.and("m.status = 'SIGNED' and m.expires_on >= :today", "today",
                        PartnershipCalendar.today(clock));
                case DRAFT, ISSUED, TERMINATED -> where.and("m.status = :status", "status", effectiveStatus.toString());
            }
        }
        String from = "from mou m " + where.sql();
        return NativePaging.page(em, Mou.class, "m", from, "m.created_at desc, m.id", where.params(), limit, offset);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Mou get(UUID id) {
        Mou mou = Mou.findById(id);
        if (mou == null || !caller.oversees() && !mou.partnerId.equals(caller.partnerId())) {
            throw ProblemException.notFound("No MOU with id '" + id + "'.");
        }
        return mou;
    }

    public Mou create(MouCreate input) {
        requirePmo();
        if (Partner.findById(input.getPartnerId()) == null) {
            throw ProblemException.invalid(List.of(Problems.fieldError("partnerId", "no partner '" + input.getPartnerId() + "'")));
        }
        if (Mou.count("partnerId = ?1 and status in ?2", input.getPartnerId(), MouLifecycle.live()) > 0) {
            throw ProblemException.conflict(input.getPartnerId() + " already has a live MOU; terminate it before"
                    + " drafting another.");
        }
        Mou mou = new Mou();
        mou.id = UUID.randomUUID();
        mou.partnerId = input.getPartnerId();
        mou.status = MouStatus.DRAFT;
        mou.documentReference = input.getDocumentReference();
        mou.createdAt = PartnershipCalendar.timestamp(clock);
        mou.updatedAt = mou.createdAt;
        mou.persistAndFlush();
        audit.record(MouAuditScope.subject(mou), AuditActions.CREATED, null, snapshot(mou));
        return mou;
    }

    public Mou changeStatus(UUID id, MouStatusChange change, String ifMatch) {
        requirePmo();
        Mou mou = get(id);
        ETags.requireMatch(ifMatch, mou.version);
        MouStatus to = MouMapper.fromApi(change.getToStatus());
        MouLifecycle.require(mou.status, to);
        LocalDate on = change.getOn();
        // Every rule is checked before the MOU changes: a refused change leaves the entity as it was.
        List<FieldError> errors = validate(mou, to, change);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var before = snapshot(mou);
        switch (to) {
            case ISSUED -> mou.issuedOn = on;
            case SIGNED -> {
                mou.signedOn = on;
                mou.signatory = change.getSignatory();
                if (change.getDocumentReference() != null) {
                    mou.documentReference = change.getDocumentReference();
                }
                mou.expiresOn = change.getExpiresOn();
            }
            case TERMINATED -> {
                if (mou.issuedOn == null) {
                    mou.issuedOn = on;
                }
                mou.terminatedOn = on;
                mou.terminationReason = change.getReason();
            }
            case DRAFT -> throw new IllegalStateException("no transition leads to DRAFT");
        }
        mou.status = to;
        mou.updatedAt = PartnershipCalendar.timestamp(clock);
        mou.flush();
        audit.record(MouAuditScope.subject(mou), AuditActions.STATUS_CHANGED, before, snapshot(mou));
        return mou;
    }

    private List<FieldError> validate(Mou mou, MouStatus to, MouStatusChange change) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = change.getOn();
        if (on.isAfter(PartnershipCalendar.today(clock))) {
            errors.add(Problems.fieldError("on", "must not be in the future"));
        }
        switch (to) {
            case SIGNED -> {
                require(errors, change.getSignatory(), "signatory");
                require(errors, change.getDocumentReference() != null ? change.getDocumentReference()
                        : mou.documentReference, "documentReference");
                if (change.getExpiresOn() == null || !change.getExpiresOn().isAfter(on)) {
                    errors.add(Problems.fieldError("expiresOn", "must be given and after the signing date"));
                }
                if (mou.issuedOn != null && on.isBefore(mou.issuedOn)) {
                    errors.add(Problems.fieldError("on", "must not be before the MOU was issued (" + mou.issuedOn + ")"));
                }
            }
            case TERMINATED -> require(errors, change.getReason(), "reason");
            case DRAFT, ISSUED -> {
            }
        }
        return errors;
    }

    /** Partners needing action: no MOU, only a draft/issued one, expired, or expiring within `withinDays`. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Coverage> coverage(int withinDays, boolean allPartners, boolean includeCovered, LocalDate today) {
        if (!caller.oversees()) {
            throw ProblemException.forbidden("MOU coverage is for the programme office, the board and the S.151 officer.");
        }
        return computeCoverage(withinDays, allPartners, includeCovered, today);
    }

    /** Coverage of the OPE recipients by state, without naming partners: for everyone's dashboard. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Integer> coverageCounts(int withinDays, LocalDate today) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String state : List.of("COVERED", "EXPIRING", "EXPIRED", "NOT_SIGNED", "MISSING")) {
            counts.put(state, 0);
        }
        computeCoverage(withinDays, false, true, today).forEach(c -> counts.merge(c.state(), 1, Integer::sum));
        return counts;
    }

    private List<Coverage> computeCoverage(int withinDays, boolean allPartners, boolean includeCovered, LocalDate today) {
        List<Partner> partners = allPartners
                ? Partner.list("accountableBody = false order by id")
                : Partner.list("accountableBody = false and id in (select a.recipientPartnerId from Award a"
                        + " where a.programme = org.estatehub.api.model.Programme.OPE) order by id");
        Map<String, List<Mou>> byPartner = new HashMap<>();
        Mou.<Mou>listAll().forEach(m -> byPartner.computeIfAbsent(m.partnerId, k -> new ArrayList<>()).add(m));
        List<Coverage> result = new ArrayList<>();
        for (Partner partner : partners) {
            List<Mou> own = byPartner.getOrDefault(partner.id, List.of());
            Mou signed = own.stream().filter(m -> m.status == MouStatus.SIGNED)
                    .max((a, b) -> a.expiresOn.compareTo(b.expiresOn)).orElse(null);
            Mou live = own.stream().filter(m -> m.status == MouStatus.DRAFT || m.status == MouStatus.ISSUED)
                    .findFirst().orElse(null);
            Coverage entry;
            if (signed != null && signed.inForce(today)) {
                entry = new Coverage(partner, signed.expiresOn.isBefore(today.plusDays(withinDays)) ? "EXPIRING" : "COVERED",
                        signed);
            } else if (signed != null && signed.expiresOn.isBefore(today) && live == null) {
                entry = new Coverage(partner, "EXPIRED", signed);
            } else if (live != null) {
                entry = new Coverage(partner, "NOT_SIGNED", live);
            } else {
                entry = new Coverage(partner, "MISSING", null);
            }
            if (includeCovered || !"COVERED".equals(entry.state())) {
                result.add(entry);
            }
        }
        return result;
    }

    private com.fasterxml.jackson.databind.node.ObjectNode snapshot(Mou mou) {
        return audit.snapshot(MouMapper.toApi(mou, PartnershipCalendar.today(clock)));
    }

    private void requirePmo() {
        if (!caller.hasRole(Roles.PMO_ADMIN)) {
            throw ProblemException.forbidden("Only the programme office (pmo-admin) manages MOUs.");
        }
    }

    private static void require(List<FieldError> errors, String value, String field) {
        if (value == null || value.isBlank()) {
            errors.add(Problems.fieldError(field, "must be given"));
        }
    }
}
