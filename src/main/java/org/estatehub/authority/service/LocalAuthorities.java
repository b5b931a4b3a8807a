package org.estatehub.authority.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    /**
     * All authorities by code and in name order (sorted once: dashboards and the register's list read it on
     * every request), each county's districts, and the current authorities' codes by name and official name
     * ({@link #nameKey}), for files that name an authority in words.
     */
    record Snapshot(Map<String, LocalAuthority> byCode, List<LocalAuthority> inNameOrder,
            Map<String, List<String>> districtsByCounty, Map<String, List<String>> currentByName) {
    }

    /** A register fixed in advance, for code that runs without a database (parsers' unit tests). */
    public static LocalAuthorities of(List<LocalAuthority> register) {
        LocalAuthorities authorities = new LocalAuthorities();
        authorities.snapshot = snapshotOf(register);
        return authorities;
    }

    public Optional<LocalAuthority> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot().byCode().get(code));
    }

    /** The authority's short name; null for null or an unknown code. */
    public String name(String code) {
        return find(code).map(a -> a.name).orElse(null);
    }

    /**
     * The codes a {@code parameter} filter matches ({@link #area}); null when no filter was given. A
     * well-formed code that is not in the register is the caller's mistake (400 naming the parameter),
     * not an empty answer that looks like "no records there".
     */
    public Set<String> filterArea(String parameter, String code) {
        if (code == null) {
            return null;
        }
        Set<String> codes = area(code);
        if (codes.isEmpty()) {
            throw ProblemException.invalid(List.of(Problems.fieldError(parameter,
                    "'" + code + "' is not the GSS code of a UK local authority (see GET /local-authorities).")));
        }
        return codes;
    }

    /**
     * The codes of the current authorities called {@code name} (short or official name, compared as
     * {@link #nameKey}): one for a name that says which authority it means, several for an ambiguous one,
     * none for a name no current authority has.
     */
    public List<String> currentNamed(String name) {
        return snapshot().currentByName().getOrDefault(nameKey(name), List.of());
    }

    /**
     * A name as compared: case, "&" for "and", and punctuation or repeated spaces do not count, so that
     * "Folkestone & Hythe" and 1.x's enum spelling FOLKESTONE_AND_HYTHE both name Folkestone and Hythe.
     */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Every authority, in name order. */
    public List<LocalAuthority> all() {
        return snapshot().inNameOrder();
    }

    /** The authorities with these codes, in name order. */
    public List<LocalAuthority> inNameOrder(Set<String> codes) {
        return all().stream().filter(a -> codes.contains(a.code)).toList();
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
        // A lambda, not the method reference LocalAuthority::listAll: javac binds a method reference to the
        // declaring class (PanacheEntityBase), whose listAll Panache never implements, so it fails at run time.
        List<LocalAuthority> rows = QuarkusTransaction.joiningExisting().call(() -> LocalAuthority.<LocalAuthority>listAll());
        return snapshotOf(rows);
    }

    private static Snapshot snapshotOf(List<LocalAuthority> rows) {
        Map<String, LocalAuthority> byCode = rows.stream()
                .collect(Collectors.toUnmodifiableMap(a -> a.code, Function.identity()));
        Map<String, List<String>> districts = rows.stream().filter(a -> a.countyCode != null)
                .sorted(Comparator.comparing((LocalAuthority a) -> a.code))
                .collect(Collectors.groupingBy(a -> a.countyCode,
                        Collectors.mapping(a -> a.code, Collectors.toUnmodifiableList())));
        Map<String, List<String>> byName = new HashMap<>();
        rows.stream().filter(a -> a.current).sorted(Comparator.comparing((LocalAuthority a) -> a.code)).forEach(a -> {
            for (String key : new LinkedHashSet<>(List.of(nameKey(a.name), nameKey(a.officialName)))) {
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(a.code);
            }
        });
        byName.replaceAll((key, codes) -> List.copyOf(codes));
        List<LocalAuthority> inNameOrder = rows.stream()
                .sorted(Comparator.comparing((LocalAuthority a) -> a.name.toLowerCase(Locale.ROOT))
                        .thenComparing(a -> a.code))
                .toList();
        return new Snapshot(byCode, inNameOrder, Map.copyOf(districts), Map.copyOf(byName));
    }
}
