package org.estatehub.asset.service;

import static org.estatehub.asset.AssetStatus.DISPOSED;
import static org.estatehub.asset.AssetStatus.OPERATIONAL;
import static org.estatehub.asset.AssetStatus.SURPLUS;
import static org.estatehub.asset.AssetStatus.UNDER_UTILISED;

import java.util.Set;

import org.estatehub.asset.AssetStatus;
import org.estatehub.common.lifecycle.Transitions;

/**
 * The asset life cycle: an asset in use moves freely between OPERATIONAL, UNDER_UTILISED and SURPLUS
 * (by an update or an import), becomes DISPOSED only through its disposal, and never changes after.
 */
public final class AssetLifecycle {

    private static final Transitions<AssetStatus> TABLE = Transitions.of("asset", AssetStatus.class)
            .from(OPERATIONAL, UNDER_UTILISED, SURPLUS, DISPOSED)
            .from(UNDER_UTILISED, OPERATIONAL, SURPLUS, DISPOSED)
            .from(SURPLUS, OPERATIONAL, UNDER_UTILISED, DISPOSED)
            .from(DISPOSED)
            .build();

    private AssetLifecycle() {
    }

    public static boolean allowed(AssetStatus from, AssetStatus to) {
        return TABLE.allows(from, to);
    }

    public static void require(AssetStatus from, AssetStatus to) {
        TABLE.require(from, to);
    }

    public static Set<AssetStatus> next(AssetStatus from) {
        return TABLE.next(from);
    }

    /** Statuses a new asset may be registered with: any but DISPOSED. */
    public static boolean initial(AssetStatus status) {
        return status != DISPOSED;
    }

    /** A status reached only through POST /assets/{assetId}/disposal, never by an update. */
    public static boolean byDisposalOnly(AssetStatus status) {
        return status == DISPOSED;
    }

    /** A status the asset never leaves: nothing about it changes any more. */
    public static boolean terminal(AssetStatus status) {
        return TABLE.next(status).isEmpty();
    }
}
