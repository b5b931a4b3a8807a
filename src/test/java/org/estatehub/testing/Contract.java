package org.estatehub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.filter.Filter;

/**
 * Validates REST Assured traffic against openapi/estatehub.yaml, so any drift between the service and
 * its contract fails the build.
 *
 * <p>An answer whose status the operation does not declare is an error at every level, including
 * {@link #RESPONSES} (which ignores only the request's own faults) and {@link #STATUS} (bulk transfers,
 * whose bodies are too large to validate): the status is set explicitly rather than left to the
 * validator's defaults, and ContractCheckTest proves each of them fails on an undeclared status.
 * Exchanges on paths the contract does not have (the /q endpoints, deliberate unknown paths) are not
 * checked by {@link #RESPONSES}.
 */
public final class Contract {

    public static final Path SPEC = Path.of("openapi", "estatehub.yaml");

    static final String UNDECLARED_STATUS = "validation.response.status.unknown";

    /** Requests and responses must both match the contract. */
    public static final OpenApiInteractionValidator STRICT_VALIDATOR = validator(Check.ALL);

    /** Only responses are checked. */
    public static final OpenApiInteractionValidator RESPONSES_VALIDATOR = validator(Check.RESPONSES);

    /** Only the status of the answer is checked against its operation's declared ones. */
    public static final OpenApiInteractionValidator STATUS_VALIDATOR = validator(Check.STATUS);

    /** Requests and responses must both match the contract. */
    public static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(STRICT_VALIDATOR);

    /**
     * Only responses are checked: for tests that send deliberately bad or unauthenticated requests and
     * expect the documented problem response.
     */
    public static final OpenApiValidationFilter RESPONSES = new OpenApiValidationFilter(RESPONSES_VALIDATOR);

    /** Only the answer's status: for multi-megabyte transfers the full validator would spend minutes reading. */
    public static final Filter STATUS = (request, response, context) -> {
        io.restassured.response.Response answer = context.next(request, response);
        Request.Method method = Request.Method.valueOf(request.getMethod().toUpperCase());
        String path = com.atlassian.oai.validator.restassured.RestAssuredRequest.of(request).getPath();
        ValidationReport report = STATUS_VALIDATOR.validateResponse(path, method,
                SimpleResponse.Builder.status(answer.statusCode()).build());
        if (report.hasErrors()) {
            throw new OpenApiValidationFilter.OpenApiValidationException(report);
        }
        return answer;
    };

    private enum Check {
        ALL, RESPONSES, STATUS
    }

    private Contract() {
    }

    private static OpenApiInteractionValidator validator(Check check) {
        String spec;
        try {
            spec = Files.readString(SPEC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LevelResolver.Builder levels = LevelResolver.create();
        if (check == Check.RESPONSES) {
            levels.withLevel("validation.request", ValidationReport.Level.IGNORE);
        }
        if (check == Check.STATUS) {
            levels.withDefaultLevel(ValidationReport.Level.IGNORE);
        }
        levels.withLevel(UNDECLARED_STATUS, ValidationReport.Level.ERROR);
        return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withLevelResolver(levels.build())
                .build();
    }
}
