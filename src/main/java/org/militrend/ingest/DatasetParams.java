package org.militrend.ingest;

import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.militrend.common.ProblemException;
import org.militrend.incident.FilterResolver;

/** The import parameters that describe the dataset (contract "Imports"), and a saved mapping's name. */
public class DatasetParams {

    @RestQuery
    @Parameter(description = "Declare whether the dataset records every event of its scope inside its coverage")
    public String complete;

    @RestQuery
    @Parameter(description = "First day the dataset claims to record (YYYY-MM-DD)", example = "2020-01-01")
    public String coverageFrom;

    @RestQuery
    @Parameter(description = "Last day the dataset claims to record (YYYY-MM-DD)", example = "2024-12-31")
    public String coverageTo;

    @RestQuery
    @Parameter(description = "The release of the source the file is (stored with each row)", example = "23.1")
    public String release;

    @RestQuery
    @Parameter(description = "format=mapped: the name of a saved column mapping (PUT /mappings/{name})")
    public String mapping;

    ImportOptions.DatasetClaims claims() {
        Boolean declared = null;
        if (complete != null && !complete.isBlank()) {
            declared = switch (complete.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> Boolean.TRUE;
                case "false", "0", "no" -> Boolean.FALSE;
                default ->
                    throw ProblemException.badParameter("complete", complete, "'complete' must be true or false");
            };
        }
        var from = FilterResolver.date("coverageFrom", coverageFrom);
        var to = FilterResolver.date("coverageTo", coverageTo);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badParameter("coverageFrom", coverageFrom, "'coverageFrom' is after 'coverageTo'");
        }
        String r = release == null || release.isBlank() ? null : release.trim();
        if (r != null && r.length() > 64) {
            throw ProblemException.badParameter("release", release, "'release' is at most 64 characters");
        }
        return new ImportOptions.DatasetClaims(declared, from, to, r);
    }
}
