package org.estatehub.asset.csv;

/** The layouts `GET /assets/export` writes (its `layout` parameter), each with its download's file name. */
public enum ExportLayout {

    /** The LGA's "land and building assets" schema: what a council publishes under the Transparency Code. */
    LGA("lga", "assets-lga.csv"),
    /** The older Transparency Code template, EstateHub's only export before contract 3.0.0. */
    TRANSPARENCY_2014("transparency-2014", "assets.csv"),
    /** The columns exchanged with e-PIMS (README "e-PIMS exchange"). */
    EPIMS("epims", "assets-epims.csv");

    private final String value;
    private final String fileName;

    ExportLayout(String value, String fileName) {
        this.value = value;
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /**
     * The layout a query parameter names; null or absent is the default, LGA. The contract's enum has
     * already refused any other value (ParameterRules), so an unknown one here is a programming error.
     */
    public static ExportLayout of(String value) {
        if (value == null) {
            return LGA;
        }
        for (ExportLayout layout : values()) {
            if (layout.value.equals(value)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("layout " + value + " passed the contract's enum but is not an ExportLayout");
    }
}
