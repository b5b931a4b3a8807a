package org.estatehub.authority.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.authority.LocalAuthority;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;

/**
 * GET /local-authorities: the register filtered and paged. The register is a few hundred rows held in
 * memory ({@link LocalAuthorities}), so filtering is a walk over the snapshot, not a query.
 */
@ApplicationScoped
public class LocalAuthoritySearch {

    /** The county council type, whose districts a county filter lists. */
    static final String COUNTY = "CTY";

    @Inject
    LocalAuthorities authorities;

    @Inject
    PartnershipArea area;

    /**
     * Every field null (or {@code types} empty) means "no filter on it".
     *
     * @param types  the LocalAuthorityType values, any of which matches
     * @param region England's region or a nation's name, ignoring case
     * @param county a county council's GSS code: its districts
     * @param text   within the name or official name, ignoring case
     */
    public record Filter(Set<String> types, String region, String county, Boolean current, String text,
            Boolean inPartnershipArea) {
    }

    /** The matching authorities in name then code order, one page of them, and how many match in all. */
    public Slice<LocalAuthority> list(Filter filter, int limit, int offset) {
        List<LocalAuthority> matching = authorities.all().stream().filter(matcher(filter)).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return new Slice<>(matching.subList(from, to), matching.size());
    }

    public LocalAuthority get(String code) {
        return authorities.find(code).orElseThrow(() -> ProblemException.notFound(
                "No UK local authority has the GSS code '" + code + "'."));
    }

    public boolean inPartnershipArea(LocalAuthority authority) {
        return area.contains(authority.code);
    }

    private Predicate<LocalAuthority> matcher(Filter f) {
        Predicate<LocalAuthority> matches = a -> true;
        if (f.types() != null && !f.types().isEmpty()) {
            matches = matches.and(a -> f.types().contains(a.type));
        }
        if (f.region() != null) {
            String region = f.region().strip();
            matches = matches.and(a -> a.region != null && a.region.equalsIgnoreCase(region));
        }
        if (f.county() != null) {
            String county = requireCounty(f.county());
            matches = matches.and(a -> county.equals(a.countyCode));
        }
        if (f.current() != null) {
            boolean current = f.current();
            matches = matches.and(a -> a.current == current);
        }
        if (f.text() != null) {
            String text = f.text().strip().toLowerCase(Locale.ROOT);
            matches = matches.and(a -> a.name.toLowerCase(Locale.ROOT).contains(text)
                    || a.officialName.toLowerCase(Locale.ROOT).contains(text));
        }
        if (f.inPartnershipArea() != null) {
            boolean inside = f.inPartnershipArea();
            matches = matches.and(a -> area.contains(a.code) == inside);
        }
        return matches;
    }

    /** A county filter names a county council: any other code would silently list nothing. */
    private String requireCounty(String code) {
        LocalAuthority county = authorities.find(code).orElseThrow(() -> ProblemException.invalid(List.of(
                Problems.fieldError("county", "'" + code + "' is not the GSS code of a UK local authority"
                        + " (see GET /local-authorities)."))));
        if (!COUNTY.equals(county.type)) {
            throw ProblemException.invalid(List.of(Problems.fieldError("county", "'" + code + "' ("
                    + county.name + ") is not a county council; GET /local-authorities?type=CTY lists them.")));
        }
        return code;
    }
}
