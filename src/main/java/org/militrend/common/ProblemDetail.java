package org.militrend.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem document, the body of every error response.
 *
 * @param errors where the problem is: a parameter ({@code field}) or a cell of an uploaded file
 *     ({@code line}, {@code column}), with the offending value; empty when nothing more precise
 *     helps
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDetail {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }
}
