package org.estatehub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

/**
 * Validates REST Assured traffic against openapi/estatehub.yaml, so any drift between the service and
 * its contract fails the build.
 */
public final class Contract {

    public static final Path SPEC = Path.of("openapi", "estatehub.yaml");

    /** Requests and responses must both match the contract. */
    public static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(validator(false));

    /**
     * Only responses are checked: for tests that send deliberately bad or unauthenticated requests and
     * expect the documented problem response.
     */
    public static final OpenApiValidationFilter RESPONSES = new OpenApiValidationFilter(validator(true));

    private Contract() {
    }

    private static OpenApiInteractionValidator validator(boolean ignoreRequests) {
        String spec;
        try {
            spec = Files.readString(SPEC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LevelResolver.Builder levels = LevelResolver.create();
        if (ignoreRequests) {
            levels.withLevel("validation.request", ValidationReport.Level.IGNORE);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withLevelResolver(levels.build())
                .build();
    }
}
