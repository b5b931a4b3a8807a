package org.estatehub.brownfield.csv;

import java.util.List;
import java.util.Locale;

/**
 * The columns of both layouts, each with its name in the 2017 standard and in the planning-data layout
 * (null where that layout has no such column) and any other spellings real registers use. Headers are
 * compared {@link #normalise normalised}: case, spaces, hyphens and underscores do not count.
 */
public enum BrownfieldColumn {
    ORGANISATION_URI("OrganisationURI", null),
    ORGANISATION_LABEL("OrganisationLabel", null),
    ORGANISATION("Organisation", "organisation"),
    SITE_REFERENCE("SiteReference", "reference", "site"),
    PREVIOUSLY_PART_OF("PreviouslyPartOf", null),
    SITE_NAME_ADDRESS("SiteNameAddress", null),
    NAME(null, "name"),
    SITE_ADDRESS(null, "site-address"),
    SITE_PLAN_URL("SiteplanURL", "site-plan-url"),
    COORDINATE_REFERENCE_SYSTEM("CoordinateReferenceSystem", null),
    GEO_X("GeoX", null),
    GEO_Y("GeoY", null),
    POINT(null, "point"),
    HECTARES("Hectares", "hectares"),
    OWNERSHIP_STATUS("OwnershipStatus", "ownership-status"),
    DELIVERABLE("Deliverable", "deliverable"),
    PLANNING_STATUS("PlanningStatus", "planning-permission-status"),
    PERMISSION_TYPE("PermissionType", "planning-permission-type"),
    PERMISSION_DATE("PermissionDate", "planning-permission-date"),
    PLANNING_HISTORY("PlanningHistory", "planning-permission-history"),
    PROPOSED_FOR_PIP("ProposedForPIP", null),
    MIN_NET_DWELLINGS("MinNetDwellings", "minimum-net-dwellings"),
    MAX_NET_DWELLINGS(null, "maximum-net-dwellings"),
    DEVELOPMENT_DESCRIPTION("DevelopmentDescription", null),
    NON_HOUSING_DEVELOPMENT("NonHousingDevelopment", null),
    PART2("Part2", null),
    NET_DWELLINGS_RANGE_FROM("NetDwellingsRangeFrom", null),
    NET_DWELLINGS_RANGE_TO("NetDwellingsRangeTo", null),
    HAZARDOUS_SUBSTANCES("HazardousSubstances", "hazardous-substances"),
    SITE_INFORMATION("SiteInformation", null),
    NOTES("Notes", "notes"),
    FIRST_ADDED_DATE("FirstAddedDate", "start-date"),
    LAST_UPDATED_DATE("LastUpdatedDate", "entry-date"),
    END_DATE("EndDate", "end-date");

    private final String standard2017;
    private final String planningData;
    private final List<String> otherNames;

    BrownfieldColumn(String standard2017, String planningData, String... otherNames) {
        this.standard2017 = standard2017;
        this.planningData = planningData;
        this.otherNames = List.of(otherNames);
    }

    /** The column's header in the layout, or null when the layout has no such column. */
    public String header(BrownfieldLayout layout) {
        return layout == BrownfieldLayout.BROWNFIELD_2017 ? standard2017 : planningData;
    }

    /** Every normalised header of this column in the layout (its name and other spellings). */
    List<String> names(BrownfieldLayout layout) {
        String name = header(layout);
        if (name == null) {
            return List.of();
        }
        if (layout == BrownfieldLayout.BROWNFIELD_2017) {
            return List.of(normalise(name));
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), otherNames.stream())
                .map(BrownfieldColumn::normalise).toList();
    }

    /** The column a header names in the layout, or null. */
    static BrownfieldColumn match(BrownfieldLayout layout, String header) {
        String key = normalise(header);
        for (BrownfieldColumn column : values()) {
            if (column.names(layout).contains(key)) {
                return column;
            }
        }
        return null;
    }

    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-\\u00a0]", "");
    }
}
