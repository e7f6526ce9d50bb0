package org.militrend.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.militrend.aggregate.Attribution;
import org.militrend.common.Csv;
import org.militrend.common.HttpCaching;
import org.militrend.incident.DataVersion;
import org.militrend.incident.FilterParams;

/** The monthly report as JSON, and as a printable HTML page (Qute); {@link ReportPageResource} serves it at /reports too. */
@Path("/api/v1/reports")
@Tag(name = "Reports")
public class MonthlyReportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(MonthlyReport report, String query);
    }

    @Inject
    MonthlyReportService service;

    @Inject
    DataVersion dataVersion;

    @GET
    @Path("monthly")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "Monthly security report",
            description = "Totals and casualty split of the month, change against the previous month and the same month"
                    + " a year earlier (Trendfinder bands, with a small-numbers rule), by province and region (KP mainland"
                    + " and former FATA apart), top districts, suicide attacks, trend flags, and the datasets and filters"
                    + " behind the numbers. Takes the shared filters except from/to.")
    public Response json(
            @RestQuery @Parameter(description = "The month, YYYY-MM", required = true, example = "2017-03")
                    String month,
            @BeanParam FilterParams filters,
            @Parameter(
                            description = "json (default) or csv: one long table, a row per figure (section, place,"
                                    + " code, province, measure, value)")
                    @RestQuery
                    String format,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context Request request) {
        var m = MonthlyReportService.month(month);
        boolean csv = Csv.wanted(headers, format);
        return cached(uri, request, csv ? "csv" : "json", () -> {
            MonthlyReport report = service.build(m, filters);
            return csv
                    ? Response.ok(ReportCsv.of(report), Csv.MEDIA_TYPE_UTF8)
                            .header(Csv.ATTRIBUTION_HEADER, Attribution.header(report.attribution()))
                    : Response.ok(report, MediaType.APPLICATION_JSON);
        });
    }

    @GET
    @Path("monthly/{month}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Monthly security report as a printable HTML page")
    public Response page(
            @RestPath String month, @BeanParam FilterParams filters, @Context UriInfo uri, @Context Request request) {
        var m = MonthlyReportService.month(month);
        String query = uri.getRequestUri().getRawQuery();
        return cached(
                uri,
                request,
                "html",
                () -> Response.ok(
                        Templates.report(service.build(m, filters), query == null ? "" : "&" + query)
                                .render(),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")));
    }

    private Response cached(UriInfo uri, Request request, String variant, Supplier<Response.ResponseBuilder> build) {
        return HttpCaching.conditional(
                dataVersion.current(), HttpCaching.normalizedQuery(uri, variant), request, build);
    }
}
