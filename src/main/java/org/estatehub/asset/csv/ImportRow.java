package org.estatehub.asset.csv;

import java.math.BigDecimal;

import org.estatehub.api.model.AssetStatus;
import org.estatehub.api.model.AssetType;
import org.estatehub.api.model.Tenure;
import org.estatehub.api.model.Visibility;

/** One valid row of an import file, ready to save. `line` is the file's 1-based line number. */
public record ImportRow(int line, String uprn, String ownReference, String name, AssetType assetType, boolean landOnly,
        String street, String town, String postcode, String localAuthority, BigDecimal latitude, BigDecimal longitude,
        Tenure tenure, BigDecimal grossInternalAreaM2, BigDecimal annualRunningCost, BigDecimal utilisationPercent,
        AssetStatus status, int sharedWorkspaceDesks, Visibility visibility, String epimsReference) {
}
