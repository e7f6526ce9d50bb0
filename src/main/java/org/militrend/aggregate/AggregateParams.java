package org.militrend.aggregate;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The aggregate-specific query parameters; the filters come in {@code FilterParams}. */
public class AggregateParams {

    @RestQuery
    @Parameter(
            description = "Dimensions: province, district, region, eventType, actor, dataset and at most one of year,"
                    + " quarter, month, week. Repeatable or comma-separated. Empty: one totals row.",
            example = "district,month")
    public List<String> groupBy;

    @RestQuery
    @Parameter(
            description = "Metrics: incidents, killed, injured, casualties, killedCivilians, killedSecurityForces,"
                    + " killedMilitants. Default incidents,killed,injured.",
            example = "incidents,killed,injured")
    public List<String> metrics;

    @RestQuery
    @Parameter(description = "Add <metric>Per100k (Census 2023) on rows grouped by province, district or region.")
    public String perCapita;

    @RestQuery
    @Parameter(
            description = "Order: column names, '-' for descending. Default: time, then dimensions.",
            example = "-killed")
    public List<String> sort;

    @RestQuery
    @Parameter(description = "Top N rows after sorting (totals still cover every row).", example = "10")
    public String limit;

    @RestQuery
    @Parameter(description = "Add <metric>Unknown to every row: the number of its incidents whose count is unknown.")
    public String unknowns;

    @RestQuery
    @Parameter(description = "'json' (default) or 'csv'; overrides the Accept header.")
    public String format;
}
