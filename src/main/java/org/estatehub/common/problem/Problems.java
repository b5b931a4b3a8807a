package org.estatehub.common.problem;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.Problem;

/** Builds application/problem+json responses (RFC 9457). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://estatehub.example/problems/";

    private Problems() {
    }

    public static Response response(int status, String type, String title, String detail, String instance,
            List<FieldError> errors) {
        Problem problem = new Problem()
                .type(TYPE_BASE + type)
                .title(title)
                .status(status)
                .detail(detail)
                .instance(instance);
        if (errors != null && !errors.isEmpty()) {
            problem.setErrors(errors);
        } else {
            problem.setErrors(null);
        }
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }

    public static Response response(int status, String type, String title, String detail, String instance) {
        return response(status, type, title, detail, instance, List.of());
    }

    public static FieldError fieldError(String field, String message) {
        return new FieldError().field(field).message(message);
    }
}
