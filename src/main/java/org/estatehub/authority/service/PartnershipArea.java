package org.estatehub.authority.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.authority.LocalAuthority;

/**
 * The partnership's own area: the local authorities its partners serve (Kent: Kent County Council, its
 * twelve districts and Medway). Records may sit anywhere in the UK; the area decides what dashboards list
 * authority by authority and what is counted as outside it.
 *
 * <p>Configured as GSS codes ({@code estatehub.partnership.area}, env ESTATEHUB_PARTNERSHIP_AREA); a county
 * council's code brings its districts. An unknown code stops the service at first use with a message
 * naming it, rather than quietly shrinking the area.
 */
@ApplicationScoped
public class PartnershipArea {

    @Inject
    LocalAuthorities authorities;

    /** Empty: no area configured, so nothing is inside it (dashboards then list only authorities with records). */
    @ConfigProperty(name = "estatehub.partnership.area")
    Optional<List<String>> configured;

    private volatile Set<String> codes;

    /** The configured codes, each county followed by its districts, in configuration order. */
    public Set<String> codes() {
        Set<String> current = codes;
        if (current == null) {
            Set<String> expanded = new LinkedHashSet<>();
            for (String code : configured.orElse(List.of())) {
                String trimmed = code.strip();
                Set<String> area = authorities.area(trimmed);
                if (area.isEmpty()) {
                    throw new IllegalStateException("estatehub.partnership.area: '" + trimmed
                            + "' is not the GSS code of a UK local authority");
                }
                expanded.addAll(area);
            }
            current = Set.copyOf(new LinkedHashSet<>(expanded));
            codes = current;
        }
        return current;
    }

    public boolean contains(String code) {
        return code != null && codes().contains(code);
    }

    /** The authorities of the area, in name order. */
    public List<LocalAuthority> authorities() {
        return authorities.inNameOrder(codes());
    }
}
