package org.estatehub.mou;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rule that gates OPE releases: signed, already in force today, and not past its expiry date. */
@Tag("fast")
class MouInForceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static Mou mou(MouStatus status, LocalDate signedOn, LocalDate expiresOn) {
        Mou mou = new Mou();
        mou.status = status;
        mou.signedOn = signedOn;
        mou.expiresOn = expiresOn;
        return mou;
    }

    @Test
    void signedAndWithinItsDates() {
        assertTrue(mou(MouStatus.SIGNED, TODAY.minusYears(1), TODAY.plusYears(1)).inForce(TODAY));
        // Both ends count: signed today, or expiring today, is in force today.
        assertTrue(mou(MouStatus.SIGNED, TODAY, TODAY.plusDays(1)).inForce(TODAY));
        assertTrue(mou(MouStatus.SIGNED, TODAY.minusYears(1), TODAY).inForce(TODAY));
    }

    @Test
    void notBeforeSigningNorAfterExpiry() {
        assertFalse(mou(MouStatus.SIGNED, TODAY.plusDays(1), TODAY.plusYears(1)).inForce(TODAY));
        assertFalse(mou(MouStatus.SIGNED, TODAY.minusYears(2), TODAY.minusDays(1)).inForce(TODAY));
    }

    @Test
    void onlySignedMousAreInForce() {
        for (MouStatus status : MouStatus.values()) {
            if (status != MouStatus.SIGNED) {
                assertFalse(mou(status, TODAY.minusYears(1), TODAY.plusYears(1)).inForce(TODAY), status.toString());
            }
        }
    }

    @Test
    void expiredIsDerivedFromTheDate() {
        Mou lapsed = mou(MouStatus.SIGNED, TODAY.minusYears(2), TODAY.minusDays(1));
        assertTrue(lapsed.expired(TODAY));
        assertFalse(lapsed.expired(TODAY.minusDays(1)));
        assertEquals(org.estatehub.api.model.MouStatus.EXPIRED, MouMapper.toApi(lapsed, TODAY).getStatus());
        assertEquals(org.estatehub.api.model.MouStatus.SIGNED, MouMapper.toApi(lapsed, TODAY.minusDays(1)).getStatus());
        // A terminated MOU stays TERMINATED whatever its old expiry date.
        Mou terminated = mou(MouStatus.TERMINATED, TODAY.minusYears(2), TODAY.minusDays(1));
        assertFalse(terminated.expired(TODAY));
        assertEquals(org.estatehub.api.model.MouStatus.TERMINATED, MouMapper.toApi(terminated, TODAY).getStatus());
    }
}
