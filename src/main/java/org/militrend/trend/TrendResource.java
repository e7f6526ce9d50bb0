package org.militrend.trend;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.militrend.aggregate.Attribution;
import org.militrend.common.Csv;
import org.militrend.common.HttpCaching;
import org.militrend.common.ProblemDetail;
import org.militrend.common.VersionedCache;
import org.militrend.incident.DataVersion;
import org.militrend.incident.FilterParams;

/** {@code GET /api/v1/trends} and {@code GET /api/v1/hotspots}: thin; the work is in {@link TrendService}. */
@Path("/api/v1")
@Tag(name = "Trends")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

    static final String TREND_EXAMPLE = """
            {"query":{"metric":"incidents","granularity":"month","seasonal":false,"forecast":6,"perCapita":false,
             "from":"2021-07-01","to":"2023-06-28","filters":{"district":["PK-KP-BANNU"]},"exposure":null},
             "periods":["2021-07","2021-08","..."],"observed":[1,3,"..."],
             "linear":{"slope":0.1865,"intercept":1.48,"slopeStdErr":0.0615,"slopeCi95":[0.059,0.314],
                       "pValue":0.0061,"rSquared":0.295},
             "poisson":{"intercept":0.6145,"slope":0.0528,"interceptStdErr":0.2492,"slopeStdErr":0.0161,
                        "deviance":33.40,"nullDeviance":44.58,"aic":104.17,"dispersion":1.229,
                        "quasiSlopeStdErr":0.0179,"rateRatioPer12":{"estimate":1.885,"ci95":[1.290,2.753]},
                        "fitted":[1.849,"..."],"slopePValue":0.00104,"quasiInterceptStdErr":0.2763},
             "poissonSeasonal":null,
             "negativeBinomial":{"theta":31.31,"intercept":0.6121,"slope":0.0530,"slopeStdErr":0.0170,
                                 "thetaStdErr":94.77,"interceptStdErr":0.2601,
                                 "rateRatioPer12":{"estimate":1.889,"ci95":[1.266,2.820]},"aic":106.04},
             "mannKendall":{"s":100,"varS":1588.0,"z":2.484,"pValue":0.0130,"tau":0.381},
             "sensSlope":{"slope":0.1716,"ci95":[0.0,0.3158]},
             "changePoint":{"lastPeriodBefore":"2022-07","firstPeriodAfter":"2022-08","k":93.0,"pValue":0.0544,
                            "meanBefore":2.385,"meanAfter":5.091,"direction":"upward"},
             "forecast":[{"period":"2023-07","mean":6.567,"lower":4.490,"upper":9.605,
                          "predictionLower":1,"predictionUpper":16}],
             "anomalies":[],"warnings":[],"forecastModel":"poisson",
             "attribution":[{"dataset":"ref-a_short24"}]}""";

    static final String HOTSPOT_EXAMPLE = """
            {"query":{"metric":"killed","by":"district","granularity":"month","from":"2007-01-01",
                      "to":"2017-11-30","periods":131,"filters":{"dataset":["pbc-suicide"]},
                      "minNonzeroPeriods":3,"minTotal":5,"alpha":0.05},
             "ranked":[{"rank":1,"district":"Quetta","districtCode":"PK-BA-QUETTA","province":"Balochistan",
                        "provinceCode":"PK-BA","rateRatioPer12":{"estimate":1.21,"ci95":[0.95,1.54]},
                        "pValue":0.12,"adjustedPValue":0.41,"poissonPValue":1.0e-20,"dispersion":35.2,
                        "rising":false,"falling":false,"total":640,"nonzeroPeriods":25,"recentMean":4.1,
                        "lastPeriod":"2017-11","lastPeriodCount":0,"population2023":2595492,"per100k":24.7}],
             "insufficient":[{"district":"Hangu","districtCode":"PK-KP-HANGU","province":"Khyber Pakhtunkhwa",
                              "provinceCode":"PK-KP","total":48,"nonzeroPeriods":2,
                              "reason":"only 2 period(s) with a nonzero count (need 3)"}],
             "attribution":[{"dataset":"pbc-suicide","citation":"Zeeshan-ul-hassan Usmani, Pakistan Body Count"}],
             "warnings":["..."]}""";

    @Inject
    TrendService service;

    @Inject
    DataVersion dataVersion;

    @Inject
    VersionedCache cache;

    @GET
    @Path("trends")
    @Operation(
            summary = "Trend statistics of one metric's zero-filled series",
            description =
                    "OLS, Poisson and quasi-Poisson trend, optional seasonal Poisson (monthly only), NB2, Mann-Kendall,"
                            + " Sen's slope, Pettitt change point, forecast (95% CI of the mean plus a prediction interval) and"
                            + " anomalies (pValue BH-adjusted). Statistics that do not exist are null with a warning. Conventions:"
                            + " reference/trends/README.md and docs/trends.md. Carries an ETag (If-None-Match answers 304).")
    @APIResponse(
            responseCode = "200",
            description = "The statistics",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrendResponse.class),
                            examples = @ExampleObject(name = "a_short24", value = TREND_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter (named in errors[].field); unknown places come with suggestions",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    public Response trends(
            @BeanParam FilterParams filters,
            @BeanParam TrendParams params,
            @Parameter(description = "json (default) or csv: one row per period (observed, fitted, forecast, bands)")
                    @RestQuery
                    String format,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context Request request) {
        TrendRequest parsed = params.toRequest();
        boolean csv = Csv.wanted(headers, format);
        return cached(
                uri,
                request,
                csv,
                () -> service.trends(filters, parsed),
                t -> t.periods().size(),
                t -> answer(csv, t, TrendCsv::trend, t.attribution()));
    }

    @GET
    @Path("hotspots")
    @Operation(
            summary = "Districts (or provinces) ranked by the change of their rate",
            description = "One grouped query for all places; per place, on its current regime (since its last change"
                    + " point, currentFrom), the Poisson rate ratio per 12 periods with a 95%"
                    + " interval and a Wald p-value (quasi-Poisson SE when overdispersed), Benjamini-Hochberg adjusted"
                    + " across places; rising/falling when adjusted p < 0.05. Places with fewer than 3 nonzero periods"
                    + " or a total below 5 are listed in 'insufficient'. Carries an ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The ranking",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HotspotResponse.class),
                            examples = @ExampleObject(name = "pbc-killed", value = HOTSPOT_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter (named in errors[].field)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    public Response hotspots(
            @BeanParam FilterParams filters,
            @BeanParam HotspotParams params,
            @Parameter(description = "json (default) or csv: one row per place") @RestQuery String format,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context Request request) {
        HotspotRequest parsed = params.toRequest();
        boolean csv = Csv.wanted(headers, format);
        return cached(
                uri,
                request,
                csv,
                () -> service.hotspots(filters, parsed),
                h -> h.ranked().size() + h.insufficient().size(),
                h -> answer(csv, h, TrendCsv::hotspots, h.attribution()));
    }

    /** The body as JSON, or as its CSV table with the attribution in a header. */
    private static <T> Response.ResponseBuilder answer(
            boolean csv, T body, Function<T, String> table, List<Attribution> attribution) {
        return csv
                ? Response.ok(table.apply(body), Csv.MEDIA_TYPE_UTF8)
                        .header(Csv.ATTRIBUTION_HEADER, Attribution.header(attribution))
                : Response.ok(body, MediaType.APPLICATION_JSON);
    }

    /**
     * The aggregates' pattern: an ETag of data version + normalized query (304 while nothing
     * changed), and the answer kept for that version, since every fit reads and models the whole
     * series again (the dashboard asks the same hotspots and trend on every load).
     *
     * @param rows the answer's weight in the cache, in rows
     */
    private <T> Response cached(
            UriInfo uri,
            Request request,
            boolean csv,
            Supplier<T> compute,
            ToLongFunction<T> rows,
            Function<T, Response.ResponseBuilder> respond) {
        long version = dataVersion.current();
        String key = HttpCaching.normalizedQuery(uri, csv ? "csv" : "json");
        return HttpCaching.conditional(
                version, key, request, () -> respond.apply(cache.get(key, version, compute, rows)));
    }
}
