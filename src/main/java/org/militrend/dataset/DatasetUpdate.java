package org.militrend.dataset;

import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /datasets/{name}}: the descriptive fields to change; absent fields stay
 * as they are. {@code coverage} is {@code { "from", "to" }} (ISO dates).
 */
public record DatasetUpdate(
        @Size(max = 300) String title,
        @Size(max = 1000) String citation,
        @Size(max = 500) String licence,
        @Size(max = 1000) String url,
        @Size(max = 500) String scope,
        CoverageInput coverage,
        Boolean complete,
        String rawAccess) {

    /** A coverage window as sent. */
    public record CoverageInput(String from, String to) {}
}
