package org.estatehub.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.estatehub.testing.Contract;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The contract check every test runs through (testing/Contract) fails on an answer whose status its
 * operation does not declare, at each of its levels: a validator that let one through would let the
 * service drift from the contract unnoticed (as 404s from POST /bids and 406s did).
 */
class ContractCheckTest {

    private static final List<OpenApiInteractionValidator> VALIDATORS = List.of(Contract.STRICT_VALIDATOR,
            Contract.RESPONSES_VALIDATOR, Contract.STATUS_VALIDATOR);

    private static final String PROBLEM = """
            {"type": "https://estatehub.example/problems/not-found", "title": "Not Found", "status": %d}""";

    private static ValidationReport answer(OpenApiInteractionValidator validator, Request.Method method, String path,
            int status) {
        Request request = new SimpleRequest.Builder(method, path).withAccept("application/json")
                .withAuthorization("Bearer x").build();
        return validator.validate(request, SimpleResponse.Builder.status(status)
                .withContentType("application/problem+json").withBody(PROBLEM.formatted(status)).build());
    }

    private static boolean undeclaredStatus(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.response.status.unknown")
                && m.getLevel() == ValidationReport.Level.ERROR);
    }

    @Test
    void anUndeclaredStatusFailsEveryLevel() {
        for (OpenApiInteractionValidator validator : VALIDATORS) {
            // GET /partners declares no 409 and no default response.
            ValidationReport report = answer(validator, Request.Method.GET, "/partners", 409);
            assertTrue(report.hasErrors() && undeclaredStatus(report), "409 from GET /partners: " + report);
            // A 5xx, which no operation declares.
            ValidationReport server = answer(validator, Request.Method.GET, "/me", 500);
            assertTrue(undeclaredStatus(server), "500 from GET /me: " + server);
        }
    }

    @Test
    void everyHeaderButHttpsOwnMustBeDeclared() {
        assertEquals(List.of("etag", "x-powered-by"), Contract.undeclaredHeaders("/partners", Request.Method.GET, 200,
                List.of("Content-Type", "Content-Length", "X-Request-Id", "ETag", "X-Powered-By")));
        assertEquals(List.of(), Contract.undeclaredHeaders("/partners/maidstone", Request.Method.GET, 200,
                List.of("Content-Type", "X-Request-Id", "ETag")));
        assertEquals(List.of(), Contract.undeclaredHeaders("/awards/8a0c7c1e-62a7-4d59-9d35-0d0e2a5b7c11/claims",
                Request.Method.POST, 201, List.of("Content-Type", "X-Request-Id", "ETag", "Idempotent-Replayed")));
        assertEquals(List.of(), Contract.undeclaredHeaders("/me", Request.Method.GET, 401,
                List.of("Content-Type", "X-Request-Id", "WWW-Authenticate")));
    }

    @Test
    void theCorsProtocolsHeadersAndOnlyThoseNeedNoDeclaration() {
        assertEquals(List.of(), Contract.undeclaredHeaders("/me", Request.Method.GET, 200,
                List.of("Content-Type", "X-Request-Id", "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
                        "Access-Control-Expose-Headers", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
                        "Access-Control-Max-Age")));
        assertEquals(List.of("access-control-allow-private-network", "x-cors"),
                Contract.undeclaredHeaders("/me", Request.Method.GET, 200,
                        List.of("Access-Control-Allow-Origin", "Access-Control-Allow-Private-Network", "X-Cors")));
    }

    @Test
    void aDeclaredStatusPasses() {
        for (OpenApiInteractionValidator validator : VALIDATORS) {
            ValidationReport report = answer(validator, Request.Method.GET, "/partners/nobody", 404);
            assertFalse(undeclaredStatus(report), "404 from GET /partners/{partnerId}: " + report);
        }
        // Statuses the API was seen to send undeclared are declared now.
        for (Object[] answer : new Object[][] {{Request.Method.POST, "/bids", 404},
                {Request.Method.POST, "/assets/import", 404}, {Request.Method.GET, "/me", 406},
                {Request.Method.GET, "/projects", 406}, {Request.Method.GET, "/assets/export", 406},
                {Request.Method.PUT, "/projects/8a0c7c1e-62a7-4d59-9d35-0d0e2a5b7c11", 409}}) {
            ValidationReport report = answer(Contract.STATUS_VALIDATOR, (Request.Method) answer[0],
                    (String) answer[1], (Integer) answer[2]);
            assertFalse(undeclaredStatus(report), answer[2] + " from " + answer[0] + " " + answer[1] + ": " + report);
        }
    }
}
