package org.estatehub.asset.csv;

import java.util.List;
import java.util.Locale;

/**
 * The column layout of a Local Government Transparency Code "land and building assets" file, with
 * EstateHub's own columns after the Code's. Published registers name columns slightly differently,
 * so each column has its common variants; names are compared lower-case with punctuation removed.
 */
public enum TransparencyColumns {

    ORGANISATION("Organisation name", "organisation", "organisationname", "organizationname"),
    UPRN("UPRN", "uprn", "uniquepropertyreferencenumber"),
    ASSET_ID("Unique Asset ID", "uniqueassetid", "assetid", "uniqueassetidentity", "uniqueassetidentifier",
            "assetreference", "propertyreference", "assetcode"),
    NAME("Name", "name", "assetname", "propertyname", "buildingname"),
    STREET_NUMBER("Street number", "streetnumber", "buildingnumber", "number"),
    STREET("Street", "street", "streetname", "addressline1"),
    TOWN("Post town", "posttown", "town"),
    POSTCODE("Postcode", "postcode", "postalcode"),
    X("X co-ordinate", "xcoordinate", "xcoordinates", "easting", "x", "geox"),
    Y("Y co-ordinate", "ycoordinate", "ycoordinates", "northing", "y", "geoy"),
    TENURE("Tenure", "tenure", "tenuretype"),
    TENURE_CATEGORY("Tenure category", "tenurecategory", "tenurestatus", "tenurecategoryorstatus"),
    ASSET_TYPE("Asset type", "assettype", "propertytype"),
    /**
     * A GSS code, or a current authority's name or official name. Published registers head it
     * "District", as EstateHub 1.x did, so that header is read as this column.
     */
    LOCAL_AUTHORITY("Local authority", "localauthority", "district", "localauthoritycode", "gsscode",
            "localauthoritygsscode"),
    /** Written by the export for people reading the file; an import does not read it (the code decides). */
    LOCAL_AUTHORITY_NAME("Local authority name", "localauthorityname"),
    LAND_ONLY("Land only", "landonly"),
    AREA("Gross internal area (m2)", "grossinternalaream2", "grossinternalarea", "giam2", "gia", "sizeoftheasset",
            "buildingsize", "giasqm", "grossinternalareasqm"),
    RUNNING_COST("Annual running cost (GBP)", "annualrunningcostgbp", "annualrunningcost", "buildingrunningcosts",
            "runningcosts", "revenuecosts"),
    UTILISATION("Utilisation (%)", "utilisation", "utilisationpercent", "utilization"),
    STATUS("Status", "status"),
    DESKS("Shared workspace desks", "sharedworkspacedesks", "desks"),
    VISIBILITY("Visibility", "visibility"),
    EPIMS("e-PIMS reference", "epimsreference", "epims", "epimsid", "epimspropertyreference"),

    // The LGA schema's columns EstateHub 2.x did not read. After EstateHub's own columns, so that the
    // order above (the layout the export writes) stays as it was.
    ORGANISATION_URI("OrganisationURI", "organisationuri", "organizationuri"),
    ORGANISATION_LABEL("OrganisationLabel", "organisationlabel", "organizationlabel"),
    EFFECTIVE_DATE("EffectiveDate", "effectivedate"),
    /** One address column instead of street, town and postcode ("Site Address"; e-PIMS "Address"). */
    ADDRESS("Site Address", "siteaddress", "address", "fulladdress", "propertyaddress"),
    COORDINATE_SYSTEM("CoordinateReferenceSystem", "coordinatereferencesystem", "crs", "coordinatesystem"),
    TENURE_DETAIL("TenureDetail", "tenuredetail"),
    HOLDING("HoldingType", "holdingtype", "holding"),
    LAND_AREA("LandArea", "landarea", "landareaha", "landareahectares", "siteareaha", "sitearea",
            "siteareahectares"),
    EPC_BAND("EnergyRating", "energyrating", "epcrating", "epcband", "epc");

    /** The columns of EstateHub 2.x's layout, in the order its export writes them. */
    public static final List<TransparencyColumns> LAYOUT_2X = List.of(values()).subList(0, EPIMS.ordinal() + 1);

    private final String header;
    private final List<String> variants;

    TransparencyColumns(String header, String... variants) {
        this.header = header;
        this.variants = List.of(variants);
    }

    /** The name EstateHub writes, and uses in row errors. */
    public String header() {
        return header;
    }

    public static TransparencyColumns match(String header) {
        String key = normalise(header);
        for (TransparencyColumns column : values()) {
            if (column.variants.contains(key)) {
                return column;
            }
        }
        return null;
    }

    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
