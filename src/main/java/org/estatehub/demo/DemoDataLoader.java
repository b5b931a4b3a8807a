package org.estatehub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    void load(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String script : SCRIPTS) {
                statement.execute(read(script));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the demo data failed", e);
        }
        int events = history.recordCreations();
        LOG.infof("Demo data loaded (%s); %d creation events recorded", String.join(", ", SCRIPTS), events);
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
