package org.militrend.trend;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The hotspot-specific query parameters; the shared filters come in {@code FilterParams}. */
public class HotspotParams {

    @RestQuery
    @Parameter(
            description = "incidents (default), killed, injured, casualties, killedCivilians, killedSecurityForces,"
                    + " killedMilitants.",
            example = "killed")
    public String metric;

    @RestQuery
    @Parameter(description = "district (default) or province.", example = "district")
    public String by;

    @RestQuery
    @Parameter(description = "Period of the series: month (default), quarter, year or week.", example = "month")
    public String granularity;

    @RestQuery
    @Parameter(
            description = "The periods each place is judged on: current (default, its current regime, since its last"
                    + " change point) or whole (the whole range).",
            example = "current")
    public String regime;

    /** The parameters, parsed once at the boundary. */
    public HotspotRequest toRequest() {
        return new HotspotRequest(
                TrendParameters.metric(metric),
                TrendParameters.by(by),
                TrendParameters.granularity(granularity),
                TrendParameters.current("regime", regime, true));
    }
}
