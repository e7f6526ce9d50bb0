package org.militrend.trend;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.militrend.common.QueryValues;

/** The trend-specific query parameters; the shared filters come in {@code FilterParams}. */
public class TrendParams {

    @RestQuery
    @Parameter(
            description = "incidents (default), killed, injured, casualties, killedCivilians, killedSecurityForces,"
                    + " killedMilitants.",
            example = "incidents")
    public String metric;

    @RestQuery
    @Parameter(description = "month (default), quarter, year or week.", example = "month")
    public String granularity;

    @RestQuery
    @Parameter(
            description = "Also fit the Poisson model with calendar-month effects (monthly series only; with another"
                    + " granularity the section is null and a warning says so). Default false.",
            example = "false")
    public String seasonal;

    @RestQuery
    @Parameter(description = "Periods to forecast, 0..60. Default 6.", example = "6")
    public String forecast;

    @RestQuery
    @Parameter(
            description = "Use the Census 2023 population (per 100,000) as exposure of the GLMs; needs exactly one"
                    + " district or one province in the filter. Default false.",
            example = "false")
    public String perCapita;

    @RestQuery
    @Parameter(
            description = "Where 'forecast' comes from: whole (default, the whole-series model as the contract"
                    + " defines it) or current (the Poisson trend of the current regime; forecastModel says which)."
                    + " 'current.forecast' is always the current regime's.",
            example = "current")
    public String forecastFrom;

    /** The parameters, parsed once at the boundary. */
    public TrendRequest toRequest() {
        return new TrendRequest(
                TrendParameters.metric(metric),
                TrendParameters.granularity(granularity),
                QueryValues.bool("seasonal", seasonal),
                QueryValues.bool("perCapita", perCapita),
                TrendParameters.integer(
                        "forecast", forecast, TrendParameters.DEFAULT_FORECAST, 0, TrendParameters.MAX_FORECAST),
                TrendParameters.current("forecastFrom", forecastFrom, false));
    }
}
