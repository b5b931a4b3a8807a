package org.estatehub.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A plain unit test: no Quarkus, no database, no Keycloak. Tagged "fast" so that
 * {@code mvn -B test -Dgroups=fast} runs these alone, in seconds, before scripts/test.sh starts
 * PostgreSQL and Keycloak for the whole-stack suite (which runs them again).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("fast")
public @interface FastTest {
}
