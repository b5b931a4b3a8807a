package org.estatehub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.common.time.WorkingDays;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the Kent Estates Partnership demo data after Flyway has migrated the schema, when
 * estatehub.demo-data is true (dev, demo and test profiles). Flyway's locations are fixed when the
 * application is built, so a runtime switch needs its own loader. Every script is idempotent. The
 * records' creation is then recorded in the audit log ({@link DemoHistory}).
 */
@ApplicationScoped
public class DemoDataLoader {

    /**
     * In dependency order: assets and projects refer to partners, brownfield sites and disposals to assets and
     * projects, occupations and workspaces to assets and partners.
     */
    static final List<String> SCRIPTS = List.of("demo/partners.sql", "demo/assets.sql", "demo/projects.sql",
            "demo/funding.sql", "demo/brownfield.sql", "demo/disposals.sql", "demo/occupations.sql");

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @ConfigProperty(name = "estatehub.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSource dataSource;

    @Inject
    DemoHistory history;

    @Inject
    Clock clock;

    void load(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // The load date, from the service's clock, for the demo rows dated relative to it (disposals.sql).
            try (PreparedStatement today = connection.prepareStatement("select set_config('estatehub.demo_today', ?, false)")) {
                today.setString(1, PartnershipCalendar.today(clock).toString());
                today.execute();
            }
            try {
                for (String script : SCRIPTS) {
                    statement.execute(read(script));
                }
            } finally {
                // A pooled connection: the setting must not outlive the load.
                statement.execute("select set_config('estatehub.demo_today', '', false)");
            }
            closeWindowsByWorkingDays(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the demo data failed", e);
        }
        int events = history.recordCreations();
        LOG.infof("Demo data loaded (%s); %d creation events recorded", String.join(", ", SCRIPTS), events);
    }

    /**
     * The demo disposals' closing days as a declaration computes them (WorkingDays.after, bank holidays by
     * their rules), which SQL cannot: disposals.sql dates its open windows from the load date and leaves their
     * closing day at 56 days, 40 working days only in weeks without a bank holiday. Rows already right (a
     * restart, the fixed dates) are left alone.
     */
    private static void closeWindowsByWorkingDays(Connection connection) throws SQLException {
        record Window(java.util.UUID id, LocalDate declaredOn, int workingDays, LocalDate closesOn) {
        }
        List<Window> windows = new java.util.ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select d.id, d.declared_on, d.interest_window_working_days, d.interest_closes_on
                  from disposal d join asset a on a.id = d.asset_id
                 where d.id = md5('demo-disposal:' || a.owner_partner_id || ':' || a.own_reference)::uuid""");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                windows.add(new Window(rows.getObject(1, java.util.UUID.class), rows.getObject(2, LocalDate.class),
                        rows.getInt(3), rows.getObject(4, LocalDate.class)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update disposal set interest_closes_on = ? where id = ?")) {
            for (Window w : windows) {
                LocalDate closes = WorkingDays.after(w.declaredOn(), w.workingDays());
                if (!closes.equals(w.closesOn())) {
                    update.setObject(1, closes);
                    update.setObject(2, w.id());
                    update.executeUpdate();
                }
            }
        }
    }

    private static String read(String script) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
