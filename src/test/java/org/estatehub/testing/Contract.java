package org.estatehub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.filter.Filter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * Validates REST Assured traffic against openapi/estatehub.yaml, so any drift between the service and
 * its contract fails the build.
 *
 * <p>An answer whose status the operation does not declare is an error at every level, including
 * {@link #RESPONSES} (which ignores only the request's own faults) and {@link #STATUS} (bulk transfers,
 * whose bodies are too large to validate): the status is set explicitly rather than left to the
 * validator's defaults, and ContractCheckTest proves each of them fails on an undeclared status.
 * Every header of an answer, bar HTTP's own framing and representation headers and the Fetch
 * standard's CORS headers, must be declared for its operation and status too (the validator checks
 * declared headers only). Exchanges on paths the contract does not have (the /q endpoints, deliberate
 * unknown paths) are not checked by {@link #RESPONSES}.
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
    public static final Filter STRICT = withDeclaredHeaders(new OpenApiValidationFilter(STRICT_VALIDATOR));

    /**
     * Only responses are checked: for tests that send deliberately bad or unauthenticated requests and
     * expect the documented problem response.
     */
    public static final Filter RESPONSES = withDeclaredHeaders(new OpenApiValidationFilter(RESPONSES_VALIDATOR));

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
        requireDeclaredHeaders(path, method, answer);
        return answer;
    };

    /**
     * Headers whose meaning HTTP itself gives (framing, representation); every other header an answer
     * carries must be declared for its operation and status.
     */
    static final Set<String> TRANSPORT_HEADERS = Set.of("content-type", "content-length", "transfer-encoding",
            "connection", "keep-alive", "date", "vary", "content-encoding");

    /**
     * The response headers of the Fetch standard's CORS protocol (Access-Control-Allow-Origin, -Expose-Headers,
     * ...): the same for every operation, answered for the browser by Quarkus's CORS filter and described once
     * in the contract's info (OpenAPI has no place for them per operation). Only these names, spelt out: any
     * other Access-Control-* header still has to be declared.
     */
    static final Set<String> CORS_HEADERS = Set.of("access-control-allow-origin", "access-control-allow-credentials",
            "access-control-allow-methods", "access-control-allow-headers", "access-control-expose-headers",
            "access-control-max-age");

    private static final ApiOperationResolver OPERATIONS = new ApiOperationResolver(parsed(), null, false);

    private enum Check {
        ALL, RESPONSES, STATUS
    }

    private Contract() {
    }

    private static Filter withDeclaredHeaders(OpenApiValidationFilter validation) {
        return (request, response, context) -> {
            io.restassured.response.Response answer = validation.filter(request, response, context);
            requireDeclaredHeaders(com.atlassian.oai.validator.restassured.RestAssuredRequest.of(request).getPath(),
                    Request.Method.valueOf(request.getMethod().toUpperCase()), answer);
            return answer;
        };
    }

    /** The headers of the answer its operation does not declare for the status; empty when all are. */
    public static List<String> undeclaredHeaders(String path, Request.Method method, int status,
            Collection<String> headerNames) {
        ApiOperationMatch match = OPERATIONS.findApiOperation(path, method);
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return List.of();
        }
        ApiResponse declared = match.getApiOperation().getOperation().getResponses().get(String.valueOf(status));
        if (declared == null) {
            return List.of(); // an undeclared status, reported as such by the validator
        }
        Set<String> names = new HashSet<>();
        if (declared.getHeaders() != null) {
            declared.getHeaders().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        }
        return headerNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).distinct()
                .filter(name -> !TRANSPORT_HEADERS.contains(name) && !CORS_HEADERS.contains(name) && !names.contains(name))
                .sorted().toList();
    }

    private static void requireDeclaredHeaders(String path, Request.Method method,
            io.restassured.response.Response answer) {
        List<String> undeclared = undeclaredHeaders(path, method, answer.statusCode(),
                answer.getHeaders().asList().stream().map(io.restassured.http.Header::getName).toList());
        if (!undeclared.isEmpty()) {
            throw new AssertionError("Headers not declared for " + method + " " + path + " " + answer.statusCode()
                    + " in " + SPEC + ": " + undeclared);
        }
    }

    private static OpenAPI parsed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        try {
            return new OpenAPIV3Parser().readContents(Files.readString(SPEC), null, options).getOpenAPI();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
