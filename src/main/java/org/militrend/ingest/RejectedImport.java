package org.militrend.ingest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The 422 answer to an import that wrote nothing: a problem document (type, title, status,
 * detail) whose other members are the import report, so a client reads the located {@code
 * errors} either way.
 */
record RejectedImport(
        String type,
        String title,
        int status,
        String detail,
        @JsonUnwrapped ImportReport report) {}
