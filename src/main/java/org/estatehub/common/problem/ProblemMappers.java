package org.estatehub.common.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.estatehub.api.model.FieldError;
import org.estatehub.common.http.ContractOperations;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every failure leaves the API as application/problem+json. Bad input must never surface as a 500,
 * so the JSON, validation, security and database failures callers can cause are mapped explicitly.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = Problems.response(e.status(), e.type(), e.title(), e.getMessage(), path(uri), e.errors());
        if (e.errorCount() == null && e.headers().isEmpty()) {
            return response;
        }
        org.estatehub.api.model.Problem problem = (org.estatehub.api.model.Problem) response.getEntity();
        problem.setErrorCount(e.errorCount());
        problem.setInvalidRowCount(e.invalidRowCount());
        Response.ResponseBuilder builder = Response.fromResponse(response).entity(problem);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problems.fieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.getField().compareTo(b.getField()))
                .collect(Collectors.toList());
        if (errors.isEmpty()) {
            errors = List.of(Problems.fieldError("request", e.getMessage()));
        }
        String detail = errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
        return Problems.response(400, "validation", "Request validation failed", detail, path(uri), errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return Problems.response(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON: " + e.getOriginalMessage() + where, path(uri));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return badField(uri, jsonPath(e), "unknown property '" + e.getPropertyName() + "'");
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "'" + e.getValue() + "' is not one of: " + allowedValues(target);
        } else if (isWholeNumber(target) && e.getValue() instanceof Number) {
            // ContractJson refuses a fraction for an integer rather than truncating it.
            message = "must be a whole number, not " + e.getValue();
        } else {
            message = "'" + e.getValue() + "' is not a valid "
                    + (target == null ? "value" : target.getSimpleName());
        }
        return badField(uri, jsonPath(e), message);
    }

    /** A repeated item of a uniqueItems array, named by its index (`eventTypes[1]`). */
    @ServerExceptionMapper
    public Response duplicateItem(org.estatehub.common.json.UniqueItems.DuplicateItemException e, UriInfo uri) {
        return badField(uri, jsonPath(e), e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getTargetType() == null ? e.getOriginalMessage()
                : "expected a value of type " + jsonTypeName(e.getTargetType());
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required creator property")) {
            message = "must not be null";
        }
        if (field.isEmpty()) {
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "The request body does not have the expected shape: " + e.getOriginalMessage(), path(uri));
        }
        return badField(uri, field, message);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "The request body could not be read: " + e.getOriginalMessage(), path(uri));
        }
        // Generated enums reject unknown values in their factory, which Jackson reports this way.
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
        if (e instanceof ValueInstantiationException vie && vie.getType() != null && vie.getType().isEnumType()) {
            message = message + "; allowed: " + allowedValues(vie.getType().getRawClass());
        }
        return badField(uri, field, message);
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class;
    }

    private static String allowedValues(Class<?> enumType) {
        return java.util.Arrays.stream(enumType.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    private Response fromJackson(Throwable cause, UriInfo uri) {
        if (cause instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown, uri);
        }
        if (cause instanceof InvalidFormatException format) {
            return invalidFormat(format, uri);
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        if (cause instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        return null;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedResponse(uri, "A valid bearer token from the partnership's Keycloak realm is required.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorizedResponse(uri, "The bearer token is missing, expired or not issued by the partnership's realm.");
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthorizedResponse(uri, "Authentication could not be completed.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(403, "forbidden", "Forbidden",
                "Your roles do not allow this operation.", path(uri));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        // The JSON reader wraps Jackson's exceptions; answer with the precise problem they describe.
        Response jackson = fromJackson(e.getCause(), uri);
        if (jackson != null) {
            return jackson;
        }
        // JAX-RS answers 404 when a query or path parameter cannot be converted; that is bad input. The
        // contract's parameters are checked before that (ParameterRules) and name themselves; this is the
        // same problem shape for anything that still slips through, without the converter's Java text.
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            return Problems.response(400, "validation", "Request validation failed", "1 parameter is invalid.",
                    path(uri), List.of(Problems.fieldError("parameter", "a query or path parameter has an invalid value")));
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = original.getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri) + ".";
            case 405 -> "Method not allowed on " + path(uri) + ".";
            case 406 -> "This resource answers with " + mediaTypes(request, uri, false, "application/json")
                    + " only.";
            case 415 -> "The request body must be sent as " + mediaTypes(request, uri, true, "application/json") + ".";
            default -> e.getMessage();
        };
        Response problem = Problems.response(status, slug(title), title, detail, path(uri));
        // Keep headers such as Allow (405) that tell the caller what to do instead.
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.type(Problems.PROBLEM_JSON).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problems.response(412, "precondition-failed", "Precondition failed",
                        "The record was changed by someone else meanwhile; read it again and retry.", path(uri));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Response mapped = fromSqlState(sql, uri);
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return Problems.response(500, "internal", "Internal server error",
                "An unexpected error occurred; it has been logged.", path(uri));
    }

    /** What the contract says the operation reads or answers, e.g. `text/csv` for the asset import. */
    private static String mediaTypes(Request request, UriInfo uri, boolean requestBody, String fallback) {
        if (request == null || uri == null) {
            return fallback;
        }
        return ContractOperations.get().find(request.getMethod(), uri.getPath())
                .map(op -> requestBody ? op.requestMediaTypes() : op.responseMediaTypes())
                .filter(types -> !types.isEmpty())
                .map(types -> String.join(" or ", types))
                .orElse(fallback);
    }

    private static Response fromSqlState(SQLException sql, UriInfo uri) {
        String state = sql.getSQLState();
        // V35's trigger: a change of an asset under a live disposal that slipped past the service's own
        // check (a race with the declaration) is the same conflict the service answers with.
        if ("23514".equals(state) && sql instanceof org.postgresql.util.PSQLException psql
                && psql.getServerErrorMessage() != null
                && "asset_on_offer".equals(psql.getServerErrorMessage().getConstraint())) {
            return Problems.response(409, "conflict", "Conflict", firstLine(psql.getServerErrorMessage().getMessage())
                    + ".", path(uri));
        }
        return switch (state) {
            case "23505" -> Problems.response(409, "conflict", "Conflict",
                    "A record with the same unique key already exists.", path(uri));
            case "23503" -> Problems.response(409, "conflict", "Conflict",
                    "The change refers to a record that does not exist or is still referenced.", path(uri));
            case "23514", "23502", "22001", "22003" -> Problems.response(400, "bad-request", "Bad request",
                    "The change breaks a data rule: " + firstLine(sql.getMessage()), path(uri));
            case "40001", "40P01" -> Problems.response(409, "conflict", "Conflict",
                    "A concurrent change conflicted with this one; retry.", path(uri));
            case "08001", "08003", "08004", "08006", "57P01", "57P03" -> Problems.response(503, "unavailable",
                    "Service unavailable", "The database is not reachable; retry shortly.", path(uri));
            default -> null;
        };
    }

    private static Response unauthorizedResponse(UriInfo uri, String detail) {
        return Response.fromResponse(Problems.response(401, "unauthorized", "Unauthorized", detail, path(uri)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"estatehub\"")
                .type(Problems.PROBLEM_JSON)
                .build();
    }

    private static Response badField(UriInfo uri, String field, String message) {
        List<FieldError> errors = new ArrayList<>();
        errors.add(Problems.fieldError(field.isEmpty() ? "body" : field, message));
        return Problems.response(400, "validation", "Request validation failed", "1 field is invalid.",
                path(uri), errors);
    }

    /** Turns Jackson's reference path into `items[0].name`. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String jsonTypeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }

    /** `createPartner.partnerCreate.name` becomes `name`; a query parameter keeps its own name. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : node.getName();
                if (node.getIndex() != null) {
                    name = name + "[" + node.getIndex() + "]";
                }
                properties.add(name);
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter == null ? violation.getPropertyPath().toString() : parameter;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String slug(String title) {
        return title == null ? "error" : title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

}
