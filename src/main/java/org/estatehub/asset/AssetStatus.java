package org.estatehub.asset;

/**
 * An asset's stored status (columns asset.status, asset_status_change.from_status and to_status hold
 * these names); which status may follow which: AssetLifecycle. The contract's AssetStatus is mapped to and
 * from this in AssetMapper.
 */
public enum AssetStatus {
    OPERATIONAL, UNDER_UTILISED, SURPLUS, DISPOSED
}
