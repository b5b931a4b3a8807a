package org.estatehub.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.api.model.FieldError;

/**
 * A failure that the caller can act on; turned into an RFC 9457 problem+json response.
 * Services throw it so that rules live in one place and resources stay thin.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Long errorCount;
    private Long invalidRowCount;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Request validation failed",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.", errors);
    }

    /** A response header the caller needs to act on the problem, such as Retry-After. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** For a file import: how many errors and bad rows there are in all, when `errors` lists only the first. */
    public ProblemException counts(long errors, long invalidRows) {
        this.errorCount = errors;
        this.invalidRowCount = invalidRows;
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Long errorCount() {
        return errorCount;
    }

    public Long invalidRowCount() {
        return invalidRowCount;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
