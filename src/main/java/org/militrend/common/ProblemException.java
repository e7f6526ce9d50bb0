package org.militrend.common;

import java.util.List;

/**
 * A request the service refuses for a reason the client can fix. {@link ProblemMapper} turns it
 * into problem+json with its status.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<ProblemError> errors;

    public ProblemException(int status, String title, String detail, List<ProblemError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A 400 naming one bad parameter. */
    public static ProblemException badParameter(String field, String value, String message) {
        return new ProblemException(400, "Bad parameter", message, List.of(ProblemError.field(field, value, message)));
    }

    /** A 400 naming one unknown place, with the closest known names. */
    public static ProblemException unknownPlace(String field, String value, List<String> suggestions) {
        String message = "unknown " + field + " '" + value + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?");
        return new ProblemException(
                400, "Unknown place", message, List.of(ProblemError.field(field, value, message, suggestions)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist", List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
