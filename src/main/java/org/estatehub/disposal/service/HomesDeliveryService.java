package org.estatehub.disposal.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.HomesDeliveredInput;
import org.estatehub.common.http.ETags;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.common.time.FinancialYear;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.disposal.HomesDelivery;
import org.estatehub.disposal.mapping.HomesDeliveryMapper;
import org.estatehub.history.AuditActions;
import org.estatehub.history.AuditSubject;
import org.estatehub.history.ScopeTypes;
import org.estatehub.history.service.AuditLog;
import org.hibernate.Session;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Sort;

/**
 * Homes delivered on land a completed disposal released, by financial year: recorded by the partner that
 * now holds the land (the receiving partner of a transfer, the former owner of a sale, whose buyer is not
 * a partner) or the programme office; read by every partner, as a disposal's completion is.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HomesDeliveryService {

    /** The entity type of the events; the events are part of the disposal's history. */
    public static final String ENTITY_TYPE = "HOMES_DELIVERED";

    /** What the rules need of the disposal; locked for update when recording, so writes to it queue. */
    private static final String DISPOSAL_COLUMNS = """
            select status, owner_partner_id, receiving_partner_id, housing_capacity from disposal where id = :id""";

    private static final NamedSql DISPOSAL = NamedSql.of(DISPOSAL_COLUMNS);

    private static final NamedSql DISPOSAL_FOR_UPDATE = NamedSql.of(DISPOSAL_COLUMNS + " for update");

    /** The disposal's facts the homes depend on. */
    public record DisposalFacts(String status, String ownerPartnerId, String receivingPartnerId,
            Integer housingCapacity) {

        public boolean completed() {
            return "TRANSFERRED".equals(status) || "SOLD".equals(status);
        }

        /** Who holds the land: after a transfer the receiver; otherwise (a sale, or not yet disposed) the owner. */
        public String holderPartnerId() {
            return "TRANSFERRED".equals(status) ? receivingPartnerId : ownerPartnerId;
        }
    }

    /** A year as recorded, and whether this call created it. */
    public record Recorded(HomesDelivery year, boolean created) {
    }

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public DisposalFacts disposal(UUID disposalId) {
        return facts(DISPOSAL, disposalId);
    }

    public List<HomesDelivery> years(UUID disposalId) {
        return HomesDelivery.list("disposalId", Sort.by("financialYear"), disposalId);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Recorded record(UUID disposalId, String financialYear, HomesDeliveredInput input, String ifMatch) {
        FinancialYear year = FinancialYear.parse(financialYear).orElseThrow(() -> ProblemException.invalid(List.of(
                Problems.fieldError("financialYear", "must be a financial year such as 2025-26 (April 2025 to"
                        + " March 2026): four digits, a hyphen and the next year's last two digits"))));
        DisposalFacts disposal = facts(DISPOSAL_FOR_UPDATE, disposalId);
        boolean mayRecord = caller.hasRole(Roles.PMO_ADMIN) || (caller.hasRole(Roles.PARTNER_EDITOR)
                && caller.partnerIdIfAny().map(disposal.holderPartnerId()::equals).orElse(false));
        if (!mayRecord) {
            throw ProblemException.forbidden("Homes delivered are recorded by the editors of the partner that holds"
                    + " the released land (" + disposal.holderPartnerId() + ") or the programme office.");
        }
        if (!disposal.completed()) {
            throw ProblemException.conflict("Disposal " + disposalId + " is " + disposal.status() + ": homes delivered"
                    + " are recorded once it is complete (TRANSFERRED or SOLD).");
        }
        if (year.start().isAfter(PartnershipCalendar.today(clock))) {
            throw ProblemException.invalid(List.of(Problems.fieldError("financialYear",
                    "the financial year " + year.label() + " has not begun yet")));
        }
        HomesDelivery row = HomesDelivery.findById(new HomesDelivery.Key(disposalId, year.label()));
        boolean created = row == null;
        JsonNode before = null;
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw new ProblemException(412, "precondition-failed", "Precondition failed", "No homes are recorded"
                        + " for " + year.label() + " yet, so If-Match cannot match; send the year without it.");
            }
            row = new HomesDelivery();
            row.disposalId = disposalId;
            row.financialYear = year.label();
        } else {
            ETags.requireMatch(ifMatch, row.version);
            before = snapshot(row);
            if (row.homesPermitted == input.getHomesPermitted() && row.homesStarted == input.getHomesStarted()
                    && row.homesCompleted == input.getHomesCompleted()) {
                // The same figures again: nothing changed, so neither the version nor the history moves.
                return new Recorded(row, false);
            }
        }
        row.homesPermitted = input.getHomesPermitted();
        row.homesStarted = input.getHomesStarted();
        row.homesCompleted = input.getHomesCompleted();
        row.recordedBy = caller.username();
        row.recordedByPartnerId = caller.partnerIdIfAny().orElse(null);
        row.recordedAt = PartnershipCalendar.timestamp(clock);
        if (created) {
            row.persist();
        }
        row.flush();
        audit.record(AuditSubject.partOf(ENTITY_TYPE, disposalId + "/" + year.label(), disposal.holderPartnerId(),
                ScopeTypes.DISPOSAL, disposalId), created ? AuditActions.CREATED : AuditActions.UPDATED, before,
                snapshot(row));
        return new Recorded(row, created);
    }

    /** The year as recorded in history: its figures; who recorded it and when are the event's own. */
    private JsonNode snapshot(HomesDelivery row) {
        return audit.snapshot(HomesDeliveryMapper.toApi(row), "recordedBy", "recordedByPartnerId", "recordedAt");
    }

    private DisposalFacts facts(NamedSql query, UUID disposalId) {
        Optional<DisposalFacts> found = em.unwrap(Session.class).doReturningWork(connection -> query.optional(connection,
                Map.of("id", disposalId), row -> new DisposalFacts(row.getString("status"),
                        row.getString("owner_partner_id"), row.getString("receiving_partner_id"),
                        row.getObject("housing_capacity", Integer.class))));
        return found.orElseThrow(() -> ProblemException.notFound("No disposal " + disposalId + "."));
    }
}
