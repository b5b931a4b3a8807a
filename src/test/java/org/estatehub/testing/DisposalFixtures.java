package org.estatehub.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Disposals in the states a test needs, written straight into the tables of V28__disposals.sql (the
 * workflow's own endpoints are another engineer's; after merging, end-to-end tests go through them). Every
 * row satisfies V28's constraints: each status carries its facts, an agreed transfer comes with the
 * receiving partner's accepted interest, a completion with its date and hectares (a sale with its receipt).
 */
public final class DisposalFixtures {

    private DisposalFixtures() {
    }

    /** A disposal to write; build with {@link #of} and the `with…` methods. */
    public static final class Spec {
        final UUID assetId;
        final String owner;
        final String status;
        String receiver;
        LocalDate declaredOn = LocalDate.of(2024, 1, 8);
        LocalDate completedOn;
        BigDecimal receipt;
        BigDecimal hectares;
        Integer capacity;
        UUID projectId;

        Spec(UUID assetId, String owner, String status) {
            this.assetId = assetId;
            this.owner = owner;
            this.status = status;
        }

        /** The receiving partner of an agreed or completed transfer. */
        public Spec receiver(String partner) {
            this.receiver = partner;
            return this;
        }

        public Spec declaredOn(LocalDate day) {
            this.declaredOn = day;
            return this;
        }

        /** A completion (status TRANSFERRED or SOLD): its day and what it delivered; receipt null for none. */
        public Spec completed(LocalDate on, String receipt, String hectares, Integer capacity) {
            this.completedOn = on;
            this.receipt = receipt == null ? null : new BigDecimal(receipt);
            this.hectares = new BigDecimal(hectares);
            this.capacity = capacity;
            return this;
        }

        public Spec project(String projectId) {
            this.projectId = UUID.fromString(projectId);
            return this;
        }
    }

    public static Spec of(String assetId, String owner, String status) {
        return new Spec(UUID.fromString(assetId), owner, status);
    }

    /** As {@link #insert(DataSource, Spec)}, with the application's data source (for static test helpers). */
    public static UUID insert(Spec s) {
        return insert(io.quarkus.arc.Arc.container().instance(DataSource.class).get(), s);
    }

    /** Writes the disposal (and, for an agreed transfer, the receiver's accepted interest) in one transaction. */
    public static UUID insert(DataSource dataSource, Spec s) {
        UUID id = UUID.randomUUID();
        boolean agreed = s.status.equals("TRANSFER_AGREED") || s.status.equals("TRANSFERRED");
        boolean released = s.status.equals("ON_OPEN_MARKET") || s.status.equals("SOLD");
        boolean completed = s.status.equals("TRANSFERRED") || s.status.equals("SOLD");
        if (agreed && s.receiver == null || completed && s.completedOn == null) {
            throw new IllegalArgumentException(s.status + " needs " + (agreed ? "a receiver" : "a completion"));
        }
        UUID interest = agreed ? UUID.randomUUID() : null;
        LocalDate closes = s.declaredOn.plusWeeks(8);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // The disposal's reference to its agreed interest is checked at commit (deferrable), the
            // interest's to its disposal at once: disposal first.
            try (PreparedStatement d = c.prepareStatement("""
                    insert into disposal (id, asset_id, owner_partner_id, status, reason, available_from, offer_types,
                                          site_area_hectares, contact_name, contact_email, declared_on,
                                          interest_window_working_days, interest_closes_on, agreed_interest_id,
                                          receiving_partner_id, agreed_on, released_on, withdrawn_on, withdrawal_reason,
                                          completed_on, capital_receipt, hectares_released, housing_capacity, project_id)
                    values (?, ?, ?, ?, 'Surplus to need (test)', ?, '{FREEHOLD_SALE}', 1.5, 'Test estates',
                            'estates@example.gov.uk', ?, 40, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int i = 1;
                d.setObject(i++, id);
                d.setObject(i++, s.assetId);
                d.setString(i++, s.owner);
                d.setString(i++, s.status);
                d.setDate(i++, Date.valueOf(s.declaredOn.plusMonths(3)));
                d.setDate(i++, Date.valueOf(s.declaredOn));
                d.setDate(i++, Date.valueOf(closes));
                d.setObject(i++, interest);
                d.setString(i++, agreed ? s.receiver : null);
                d.setDate(i++, agreed ? Date.valueOf(closes.plusDays(1)) : null);
                d.setDate(i++, released ? Date.valueOf(closes.plusDays(1)) : null);
                d.setDate(i++, s.status.equals("WITHDRAWN") ? Date.valueOf(closes) : null);
                d.setString(i++, s.status.equals("WITHDRAWN") ? "Retained (test)" : null);
                d.setDate(i++, completed ? Date.valueOf(s.completedOn) : null);
                d.setBigDecimal(i++, completed ? s.receipt : null);
                d.setBigDecimal(i++, completed ? s.hectares : null);
                d.setObject(i++, completed ? s.capacity : null, java.sql.Types.INTEGER);
                d.setObject(i++, s.projectId);
                d.executeUpdate();
            }
            if (agreed) {
                try (PreparedStatement in = c.prepareStatement("""
                        insert into disposal_interest (id, disposal_id, partner_id, status, intended_use, timing,
                                                       funding_source, contact_name, contact_email, registered_on)
                        values (?, ?, ?, 'ACCEPTED', 'HOUSING', 'Within a year', 'Capital programme', 'Test contact',
                                'contact@example.gov.uk', ?)""")) {
                    in.setObject(1, interest);
                    in.setObject(2, id);
                    in.setString(3, s.receiver);
                    in.setDate(4, Date.valueOf(s.declaredOn.plusDays(7)));
                    in.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The disposal fixture could not be written", e);
        }
        return id;
    }

    /** A fresh asset of `owner` (registered by the programme office) in authority `localAuthority`. */
    public static String asset(String owner, String localAuthority) {
        return AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Disposal site " + AssetFixtures.token(), 51.27, 0.52),
                "ownerPartnerId", owner, "localAuthority", localAuthority, "landOnly", true, "assetType", "LAND",
                "grossInternalAreaM2", null));
    }
}
