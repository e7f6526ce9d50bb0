package org.militrend.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One located error inside a {@link ProblemDetail}. Unused locators are omitted from the JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(
        String field, Long line, String column, String value, String message, List<String> suggestions) {

    public static ProblemError field(String field, String value, String message) {
        return new ProblemError(field, null, null, value, message, null);
    }

    public static ProblemError field(String field, String value, String message, List<String> suggestions) {
        return new ProblemError(field, null, null, value, message, suggestions);
    }

    public static ProblemError cell(long line, String column, String value, String message) {
        return new ProblemError(null, line, column, value, message, null);
    }
}
