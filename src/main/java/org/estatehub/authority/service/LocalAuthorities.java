package org.estatehub.authority.service;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.estatehub.authority.LocalAuthority;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The register of UK local authorities, and what a GSS code means for the records that name one.
 *
 * <p>The table changes only by migration, so one snapshot read on first use is exact for the life of the
 * process; every lookup after it is a map read, not a query (validation runs on every asset row of an
 * import).
 */
@ApplicationScoped
public class LocalAuthorities {

    private volatile Snapshot snapshot;

    /** All authorities by code, and each county's districts. */
    record Snapshot(Map<String, LocalAuthority> byCode, Map<String, List<String>> districtsByCounty) {
    }

    public Optional<LocalAuthority> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot().byCode().get(code));
    }

    /** Every authority, in name order. */
    public List<LocalAuthority> all() {
        return snapshot().byCode().values().stream()
                .sorted(Comparator.comparing((LocalAuthority a) -> a.name.toLowerCase(Locale.ROOT))
                        .thenComparing(a -> a.code))
                .toList();
    }

    /**
     * The codes a filter by {@code code} matches: the authority itself and, for a county council, the
     * districts in its area, so that Kent's code finds what sits in Maidstone. Empty for an unknown code.
     */
    public Set<String> area(String code) {
        Snapshot current = snapshot();
        if (!current.byCode().containsKey(code)) {
            return Set.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        codes.add(code);
        codes.addAll(current.districtsByCounty().getOrDefault(code, List.of()));
        return codes;
    }

    /**
     * The codes a {@code localAuthority} filter matches ({@link #area}), or null when no filter is given.
     * A well-formed code that is not in the register is a 400 naming the parameter: a typo must not look
     * like "nothing there".
     *
     * @param parameter the query parameter, for the problem's error list
     */
    public Set<String> filterArea(String parameter, String code) {
        if (code == null) {
            return null;
        }
        Set<String> area = area(code);
        if (area.isEmpty()) {
            throw ProblemException.invalid(List.of(Problems.fieldError(parameter,
                    "'" + code + "' is not the GSS code of a UK local authority (see GET /local-authorities).")));
        }
        return area;
    }

    /**
     * Checks the authority a record is given. A record may keep the authority it already has after that
     * authority is abolished (what was registered stays true), but a new or changed value must be a
     * current authority: the answer names the successors, so the caller can fix it at once.
     *
     * @param field    the request field, for the problem's error list
     * @param code     the value given
     * @param previous the record's value before the change, or null for a new record
     */
    public void requireAssignable(String field, String code, String previous) {
        if (code == null) {
            return;
        }
        LocalAuthority authority = snapshot().byCode().get(code);
        if (authority == null) {
            throw ProblemException.invalid(List.of(Problems.fieldError(field,
                    "'" + code + "' is not the GSS code of a UK local authority (see GET /local-authorities).")));
        }
        if (!authority.current && !code.equals(previous)) {
            String successors = authority.replacedBy.isEmpty() ? ""
                    : "; it was replaced by " + String.join(", ", authority.replacedBy);
            throw ProblemException.invalid(List.of(Problems.fieldError(field,
                    "'" + code + "' (" + authority.name + ") ended on " + authority.endDate + successors + ".")));
        }
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                current = snapshot;
                if (current == null) {
                    current = load();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private static Snapshot load() {
        // Joins the caller's transaction when there is one; at startup (the partnership area's check) there is none.
        // A lambda, not LocalAuthority::listAll: javac binds that method reference to PanacheEntityBase.listAll,
        // which Panache does not enhance, so it throws at run time.
        List<LocalAuthority> rows = QuarkusTransaction.joiningExisting()
                .call(() -> LocalAuthority.<LocalAuthority>listAll());
        Map<String, LocalAuthority> byCode = rows.stream()
                .collect(Collectors.toUnmodifiableMap(a -> a.code, Function.identity()));
        Map<String, List<String>> districts = rows.stream().filter(a -> a.countyCode != null)
                .sorted(Comparator.comparing((LocalAuthority a) -> a.code))
                .collect(Collectors.groupingBy(a -> a.countyCode,
                        Collectors.mapping(a -> a.code, Collectors.toUnmodifiableList())));
        return new Snapshot(byCode, Map.copyOf(districts));
    }
}
