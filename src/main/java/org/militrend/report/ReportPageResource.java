package org.militrend.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.militrend.incident.FilterParams;

/** The printable monthly report at the site path the contract names, {@code /reports/monthly/YYYY-MM}. */
@Path("/reports")
@Tag(name = "Reports")
public class ReportPageResource {

    @Inject
    MonthlyReportResource reports;

    @GET
    @Path("monthly/{month}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Monthly security report as a printable HTML page")
    public Response page(
            @RestPath String month, @BeanParam FilterParams filters, @Context UriInfo uri, @Context Request request) {
        return reports.page(month, filters, uri, request);
    }
}
