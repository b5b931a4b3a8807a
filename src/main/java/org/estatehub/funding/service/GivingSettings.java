package org.estatehub.funding.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.estatehub.api.model.Programme;

import io.quarkus.runtime.Startup;

/**
 * What the 360Giving export publishes under (application.properties, `estatehub.giving.*`): the
 * publisher's registered prefix, each programme's funder, identifiers configured for recipients that
 * have no register code EstateHub knows, and an optional data source URL. Read once at startup, so a
 * bad prefix or identifier stops the service instead of reaching a published file.
 */
@Startup
@ApplicationScoped
public class GivingSettings {

    /** The standard: every registered prefix starts with 360G-; no spaces or slashes in identifiers. */
    static final Pattern PREFIX = Pattern.compile("^360G-[A-Za-z0-9_-]+$");

    /** An org-id.guide identifier: list code and the identifier from that list, e.g. GB-LAE-MAI. */
    static final Pattern ORG_ID = Pattern.compile("^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9_.-]+$");

    public record Funder(String id, String name) {
    }

    @Inject
    Config config;

    private String prefix;

    private final Map<Programme, Funder> funders = new EnumMap<>(Programme.class);

    private Optional<String> dataSource;

    private static final String RECIPIENT_IDS = "estatehub.giving.recipient-ids.";

    /** Checked with the rest at startup, so a mistyped identifier never fails an export halfway. */
    private final Map<String, String> recipientIds = new java.util.HashMap<>();

    @PostConstruct
    void read() {
        prefix = config.getValue("estatehub.giving.prefix", String.class);
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalStateException("estatehub.giving.prefix must be a 360Giving prefix (360G- then letters,"
                    + " digits, - or _), not '" + prefix + "'");
        }
        for (Programme programme : Programme.values()) {
            String key = "estatehub.giving.funder." + programme + ".";
            String id = config.getValue(key + "id", String.class);
            requireOrgId(key + "id", id);
            funders.put(programme, new Funder(id, config.getValue(key + "name", String.class)));
        }
        dataSource = config.getOptionalValue("estatehub.giving.data-source", String.class);
        dataSource.ifPresent(url -> {
            if (!url.matches("^https?://\\S+$")) {
                throw new IllegalStateException("estatehub.giving.data-source must be an http(s) URL, not '" + url + "'");
            }
            java.net.URI.create(url);
        });
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(RECIPIENT_IDS)) {
                String id = config.getValue(name, String.class);
                requireOrgId(name, id);
                recipientIds.put(name.substring(RECIPIENT_IDS.length()), id);
            }
        }
    }

    public String prefix() {
        return prefix;
    }

    public Funder funder(Programme programme) {
        return funders.get(programme);
    }

    public Optional<String> dataSource() {
        return dataSource;
    }

    /** The org-id configured for a partner (`estatehub.giving.recipient-ids.<partner id>`), if any. */
    public Optional<String> recipientId(String partnerId) {
        return Optional.ofNullable(recipientIds.get(partnerId));
    }

    private static void requireOrgId(String key, String value) {
        if (!ORG_ID.matcher(value).matches()) {
            throw new IllegalStateException(key + " must be an org-id.guide identifier such as GB-LAE-MAI, not '"
                    + value + "'");
        }
    }
}
