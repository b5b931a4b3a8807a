package org.estatehub.webhook.service;

import static org.estatehub.webhook.WebhookSubscriptionStatus.ACTIVE;
import static org.estatehub.webhook.WebhookSubscriptionStatus.DISABLED;
import static org.estatehub.webhook.WebhookSubscriptionStatus.PAUSED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.testing.FastTest;
import org.estatehub.webhook.WebhookSubscriptionStatus;
import org.junit.jupiter.api.Test;

/** Every pair of subscription statuses. */
@FastTest
class WebhookSubscriptionLifecycleTest {

    private static final Map<WebhookSubscriptionStatus, Set<WebhookSubscriptionStatus>> EXPECTED = Map.of(
            ACTIVE, EnumSet.of(PAUSED, DISABLED),
            PAUSED, EnumSet.of(ACTIVE),
            DISABLED, EnumSet.of(ACTIVE));

    @Test
    void everyPair() {
        for (WebhookSubscriptionStatus from : WebhookSubscriptionStatus.values()) {
            for (WebhookSubscriptionStatus to : WebhookSubscriptionStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, WebhookSubscriptionLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    assertDoesNotThrow(() -> WebhookSubscriptionLifecycle.require(from, to));
                } else {
                    ProblemException e = assertThrows(ProblemException.class,
                            () -> WebhookSubscriptionLifecycle.require(from, to));
                    assertEquals(409, e.status());
                }
            }
        }
    }

    @Test
    void aRefusalNamesWhatIsAllowed() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> WebhookSubscriptionLifecycle.require(PAUSED, DISABLED));
        assertEquals("A webhook subscription that is PAUSED cannot become DISABLED; allowed from PAUSED: [ACTIVE].",
                e.getMessage());
    }
}
