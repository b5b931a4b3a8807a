package org.estatehub.brownfield.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.estatehub.brownfield.BrownfieldSite;
import org.estatehub.brownfield.OwnershipStatus;
import org.estatehub.brownfield.PlanningStatus;

/**
 * The fields of a site an import sets, each with the columns it is read from. A field none of whose
 * columns is in the file keeps its stored value: the planning-data layout lacks the 2017 standard's
 * PreviouslyPartOf, Part2 and others, and importing an export must not blank them.
 */
enum SiteField {
    PREVIOUSLY_PART_OF(s -> s.previouslyPartOf, (s, v) -> s.previouslyPartOf = (String) v,
            BrownfieldColumn.PREVIOUSLY_PART_OF),
    NAME(s -> s.name, (s, v) -> s.name = (String) v, BrownfieldColumn.SITE_NAME_ADDRESS, BrownfieldColumn.NAME),
    SITE_ADDRESS(s -> s.siteAddress, (s, v) -> s.siteAddress = (String) v, BrownfieldColumn.SITE_ADDRESS),
    SITE_PLAN_URL(s -> s.sitePlanUrl, (s, v) -> s.sitePlanUrl = (String) v, BrownfieldColumn.SITE_PLAN_URL),
    LATITUDE(s -> s.latitude, (s, v) -> s.latitude = (BigDecimal) v, BrownfieldColumn.GEO_X, BrownfieldColumn.GEO_Y,
            BrownfieldColumn.POINT),
    LONGITUDE(s -> s.longitude, (s, v) -> s.longitude = (BigDecimal) v, BrownfieldColumn.GEO_X,
            BrownfieldColumn.GEO_Y, BrownfieldColumn.POINT),
    HECTARES(s -> s.hectares, (s, v) -> s.hectares = (BigDecimal) v, BrownfieldColumn.HECTARES),
    OWNERSHIP_STATUS(s -> s.ownershipStatus, (s, v) -> s.ownershipStatus = (OwnershipStatus) v,
            BrownfieldColumn.OWNERSHIP_STATUS),
    DELIVERABLE(s -> s.deliverable, (s, v) -> s.deliverable = (Boolean) v, BrownfieldColumn.DELIVERABLE),
    PLANNING_STATUS(s -> s.planningStatus, (s, v) -> s.planningStatus = (PlanningStatus) v,
            BrownfieldColumn.PLANNING_STATUS),
    PERMISSION_TYPE(s -> s.permissionType, (s, v) -> s.permissionType = (String) v, BrownfieldColumn.PERMISSION_TYPE),
    PERMISSION_DATE(s -> s.permissionDate, (s, v) -> s.permissionDate = (LocalDate) v,
            BrownfieldColumn.PERMISSION_DATE),
    PLANNING_HISTORY(s -> s.planningHistory, (s, v) -> s.planningHistory = SiteField.list(v),
            BrownfieldColumn.PLANNING_HISTORY),
    PROPOSED_FOR_PIP(s -> s.proposedForPip, (s, v) -> s.proposedForPip = (Boolean) v,
            BrownfieldColumn.PROPOSED_FOR_PIP),
    MIN_NET_DWELLINGS(s -> s.minNetDwellings, (s, v) -> s.minNetDwellings = (Integer) v,
            BrownfieldColumn.MIN_NET_DWELLINGS, BrownfieldColumn.NET_DWELLINGS_RANGE_FROM),
    MAX_NET_DWELLINGS(s -> s.maxNetDwellings, (s, v) -> s.maxNetDwellings = (Integer) v,
            BrownfieldColumn.MAX_NET_DWELLINGS, BrownfieldColumn.NET_DWELLINGS_RANGE_TO),
    DEVELOPMENT_DESCRIPTION(s -> s.developmentDescription, (s, v) -> s.developmentDescription = (String) v,
            BrownfieldColumn.DEVELOPMENT_DESCRIPTION),
    NON_HOUSING_DEVELOPMENT(s -> s.nonHousingDevelopment, (s, v) -> s.nonHousingDevelopment = (String) v,
            BrownfieldColumn.NON_HOUSING_DEVELOPMENT),
    PART2(s -> s.part2, (s, v) -> s.part2 = (Boolean) v, BrownfieldColumn.PART2),
    HAZARDOUS_SUBSTANCES(s -> s.hazardousSubstances, (s, v) -> s.hazardousSubstances = (String) v,
            BrownfieldColumn.HAZARDOUS_SUBSTANCES),
    SITE_INFORMATION(s -> s.siteInformation, (s, v) -> s.siteInformation = (String) v,
            BrownfieldColumn.SITE_INFORMATION),
    NOTES(s -> s.notes, (s, v) -> s.notes = (String) v, BrownfieldColumn.NOTES),
    FIRST_ADDED_DATE(s -> s.firstAddedDate, (s, v) -> s.firstAddedDate = (LocalDate) v,
            BrownfieldColumn.FIRST_ADDED_DATE),
    LAST_UPDATED_DATE(s -> s.lastUpdatedDate, (s, v) -> s.lastUpdatedDate = (LocalDate) v,
            BrownfieldColumn.LAST_UPDATED_DATE),
    END_DATE(s -> s.endDate, (s, v) -> s.endDate = (LocalDate) v, BrownfieldColumn.END_DATE);

    private final Function<BrownfieldSite, Object> getter;
    private final BiConsumer<BrownfieldSite, Object> setter;
    final List<BrownfieldColumn> columns;

    SiteField(Function<BrownfieldSite, Object> getter, BiConsumer<BrownfieldSite, Object> setter,
            BrownfieldColumn... columns) {
        this.getter = getter;
        this.setter = setter;
        this.columns = List.of(columns);
    }

    /** Copies this field's value from one site to another. */
    void copy(BrownfieldSite from, BrownfieldSite to) {
        setter.accept(to, getter.apply(from));
    }

    void set(BrownfieldSite site, Object value) {
        setter.accept(site, value);
    }

    /** Whether the site already holds `value` (decimals compared by value: 0.62 is 0.620000). */
    boolean holds(BrownfieldSite site, Object value) {
        Object current = getter.apply(site);
        if (current instanceof BigDecimal a && value instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(current, value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>((List<String>) value);
    }
}
