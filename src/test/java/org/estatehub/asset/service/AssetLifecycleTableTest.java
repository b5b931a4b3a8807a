package org.estatehub.asset.service;

import static org.estatehub.asset.AssetStatus.DISPOSED;
import static org.estatehub.asset.AssetStatus.OPERATIONAL;
import static org.estatehub.asset.AssetStatus.SURPLUS;
import static org.estatehub.asset.AssetStatus.UNDER_UTILISED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.asset.AssetStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** All 16 pairs of asset statuses without a server; AssetRulesTest drives the same rules over HTTP. */
@Tag("fast")
class AssetLifecycleTableTest {

    private static final Map<AssetStatus, Set<AssetStatus>> EXPECTED = Map.of(
            OPERATIONAL, EnumSet.of(UNDER_UTILISED, SURPLUS, DISPOSED),
            UNDER_UTILISED, EnumSet.of(OPERATIONAL, SURPLUS, DISPOSED),
            SURPLUS, EnumSet.of(OPERATIONAL, UNDER_UTILISED, DISPOSED),
            DISPOSED, EnumSet.noneOf(AssetStatus.class));

    @Test
    void everyPair() {
        int allowed = 0;
        for (AssetStatus from : AssetStatus.values()) {
            for (AssetStatus to : AssetStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, AssetLifecycle.allowed(from, to), from + " → " + to);
                allowed += expected ? 1 : 0;
            }
            assertEquals(EXPECTED.get(from), AssetLifecycle.next(from));
        }
        assertEquals(9, allowed);
    }

    @Test
    void onlyDisposalReachesDisposedAndNothingLeavesIt() {
        for (AssetStatus status : AssetStatus.values()) {
            assertEquals(status != DISPOSED, AssetLifecycle.initial(status), status + " as a new asset's status");
            assertEquals(status == DISPOSED, AssetLifecycle.byDisposalOnly(status), status + " by disposal only");
            assertEquals(status == DISPOSED, AssetLifecycle.terminal(status), status + " terminal");
        }
    }
}
