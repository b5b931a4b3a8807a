package org.estatehub.brownfield.csv;

/** The two layouts councils publish their brownfield land registers in. */
public enum BrownfieldLayout {
    /** The 2017 data standard (DCLG): OrganisationURI, SiteReference, SiteNameAddress, GeoX, GeoY, ... */
    BROWNFIELD_2017,
    /** The current planning-data brownfield-land layout: reference, name, site-address, point, ... */
    PLANNING_DATA
}
