package org.estatehub.brownfield.csv;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.estatehub.authority.LocalAuthority;
import org.estatehub.partner.Partner;

/**
 * How a register may name the partner it belongs to in OrganisationURI, OrganisationLabel or organisation:
 * the partner's name, short name or id; its authority's GSS code, name, official name or three-letter code;
 * or a URI or CURIE whose last part is one of the codes or the id
 * (`http://opendatacommunities.org/id/district-council/maidstone`, `local-authority-eng:MAI`).
 */
final class OwnerNames {

    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> lastParts = new LinkedHashSet<>();
    private final String description;

    OwnerNames(Partner partner, LocalAuthority authority) {
        add(names, partner.name);
        add(names, partner.shortName);
        add(names, partner.id);
        add(lastParts, partner.id);
        if (authority != null) {
            add(names, authority.code);
            add(names, authority.name);
            add(names, authority.officialName);
            add(names, authority.laCode);
            add(lastParts, authority.code);
            add(lastParts, authority.laCode);
            add(lastParts, slug(authority.name));
        }
        description = partner.name + (authority == null ? "" : " (" + authority.code + ")");
    }

    boolean matches(String value) {
        String key = key(value);
        if (names.contains(key)) {
            return true;
        }
        int cut = Math.max(key.lastIndexOf('/'), key.lastIndexOf(':'));
        if (cut >= 0 && cut < key.length() - 1) {
            String last = key.substring(cut + 1);
            return lastParts.contains(last);
        }
        return false;
    }

    String describe() {
        return description;
    }

    private static void add(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(key(value));
        }
    }

    private static String key(String value) {
        String key = value.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
        while (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    private static String slug(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
