package org.estatehub.common.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.estatehub.api.model.FieldError;
import org.estatehub.common.problem.Problems;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks every declared query and path parameter against its schema in the contract before the
 * resource runs, and answers one problem shape for all of them: 400 `validation` whose `errors[]` name
 * each bad parameter. Without it a value JAX-RS cannot convert became a `bad-parameter` problem with
 * Java's text and no parameter name, an inline enum (`scope`) took any value, and a repeated
 * single-valued parameter silently kept its first value (`limit=1;limit=100000`, since Vert.x splits
 * the query at `;` as well as `&`). Ranges, lengths and patterns stay with bean validation, which
 * already names the parameter. Undeclared parameters are left alone.
 */
@Provider
@Priority(Priorities.USER)
public class ParameterRules implements ContainerRequestFilter {

    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");

    @Override
    public void filter(ContainerRequestContext request) {
        var operation = ContractOperations.get().find(request.getMethod(), request.getUriInfo().getPath());
        if (operation.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        check(operation.get().parameters("path"), request.getUriInfo().getPathParameters(), errors);
        check(operation.get().parameters("query"), request.getUriInfo().getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? "1 parameter is invalid." : errors.size() + " parameters are invalid.";
            request.abortWith(Problems.response(400, "validation", "Request validation failed", detail,
                    request.getUriInfo().getRequestUri().getRawPath(), errors));
        }
    }

    private static void check(List<ContractOperations.Parameter> declared, MultivaluedMap<String, String> given,
            List<FieldError> errors) {
        for (ContractOperations.Parameter parameter : declared) {
            List<String> values = given.get(parameter.name());
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1 && !parameter.repeatable()) {
                errors.add(Problems.fieldError(parameter.name(),
                        "given " + values.size() + " times; it takes one value"));
                continue;
            }
            JsonNode schema = parameter.repeatable() ? parameter.schema().path("items") : parameter.schema();
            for (String value : values) {
                String message = problem(schema, value);
                if (message != null) {
                    errors.add(Problems.fieldError(parameter.name(), message));
                    break;
                }
            }
        }
    }

    /** Why the value does not fit the schema's type, format or enum; null when it does. */
    static String problem(JsonNode schema, String value) {
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && allowed.size() > 0) {
            List<String> names = StreamSupport.stream(allowed.spliterator(), false).map(JsonNode::asText)
                    .toList();
            return names.contains(value) ? null
                    : "'" + value + "' is not one of: " + names.stream().collect(Collectors.joining(", "));
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        switch (type) {
            case "integer":
                return INTEGER.matcher(value).matches() ? null : "'" + value + "' is not an integer";
            case "number":
                try {
                    new BigDecimal(value);
                    return null;
                } catch (NumberFormatException e) {
                    return "'" + value + "' is not a number";
                }
            case "boolean":
                return value.equals("true") || value.equals("false") ? null : "'" + value + "' is not true or false";
            case "string":
                if (format.equals("uuid")) {
                    return UUID.matcher(value).matches() ? null : "'" + value + "' is not a UUID";
                }
                if (format.equals("date")) {
                    try {
                        LocalDate.parse(value);
                        return null;
                    } catch (DateTimeParseException e) {
                        return "'" + value + "' is not a date (YYYY-MM-DD)";
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
