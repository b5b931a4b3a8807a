package org.estatehub.partner.keycloak;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The API's own admin client of the partnership's Keycloak realm (README "Onboarding a partner"): a
 * confidential client with a service account holding only manage-realm (organizations), manage-users
 * (members, role mappings) and manage-identity-providers. Its secret comes from the environment only.
 */
@ConfigMapping(prefix = "estatehub.onboarding")
public interface OnboardingConfig {

    /** The realm's URL (…/realms/estatehub); the admin API is …/admin/realms/estatehub on the same host. */
    String realmUrl();

    @WithDefault("estatehub-onboarding")
    String clientId();

    /** Empty: onboarding is not configured, and every operation needing Keycloak answers 503. */
    Optional<String> clientSecret();

    /** Connecting to and each answer from Keycloak; beyond it the request is 503 and nothing is changed. */
    @WithDefault("5S")
    Duration timeout();

    /** Retry-After of a 503 when Keycloak is unreachable. */
    @WithDefault("30")
    int retryAfterSeconds();
}
