package org.estatehub.asset.csv;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.EpcBand;
import org.estatehub.api.model.Holding;
import org.estatehub.api.model.Occupancy;
import org.estatehub.api.model.Tenure;
import org.estatehub.api.model.Visibility;

/**
 * One valid row of an import file, ready to save. `line` is the file's 1-based line number. Location and
 * tenure may be null (a register's row may have neither); `coordinateSystem` is the system GeoX/GeoY were
 * read in (null without a location), `coordinateSystemStated` whether the row said so; `sourceColumns` the
 * JSON of the cells kept verbatim (asset.source_columns), null for none.
 */
public record ImportRow(int line, String uprn, String ownReference, String name, AssetType assetType, boolean landOnly,
        String street, String town, String postcode, String localAuthority, BigDecimal latitude, BigDecimal longitude,
        Tenure tenure, BigDecimal grossInternalAreaM2, BigDecimal annualRunningCost, BigDecimal utilisationPercent,
        AssetStatus status, int sharedWorkspaceDesks, Visibility visibility, String epimsReference,
        Occupancy occupancy, Holding holding, BigDecimal landAreaHectares, EpcBand epcBand, LocalDate effectiveDate,
        String coordinateSystem, boolean coordinateSystemStated, String sourceColumns) {
}
