package org.militrend.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.militrend.common.Csv;
import org.militrend.common.ProblemException;
import org.militrend.security.EditorOnly;
import org.militrend.security.EditorToken;

@Path("/api/v1/incidents")
@Tag(name = "Incidents")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class IncidentResource {

    static final int MAX_PAGE_SIZE = 10_000;
    private static final int EXPORT_CHUNK = 5_000;

    @Inject
    IncidentService service;

    @Inject
    FilterResolver filters;

    @Inject
    EditorToken editors;

    @GET
    @Operation(
            summary = "List incidents",
            description = "Incidents matching the filters, by event date. JSON pages { items, page, size, total };"
                    + " with Accept: text/csv or format=csv the same rows in the native CSV format (without"
                    + " page/size: every matching row, streamed). Rows of datasets with rawAccess=editors (ACLED,"
                    + " GTD) only with the editor token.")
    public Response list(
            @BeanParam FilterParams params,
            @RestQuery @Parameter(description = "Page number, from 0.", example = "0") String page,
            @RestQuery @Parameter(description = "Page size, 1 to 10000 (default 100).", example = "100") String size,
            @RestQuery @Parameter(description = "'json' or 'csv'; overrides the Accept header.") String format,
            @Context HttpHeaders headers) {
        IncidentFilter filter = filters.resolve(params);
        boolean editor = editors.presentIn(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        int s = whole("size", size, 100, 1, MAX_PAGE_SIZE);
        // the first row of the page must be addressable: page x size beyond 2^31 rows is no page
        int p = whole("page", page, 0, 0, Integer.MAX_VALUE / s);
        if (!Csv.wanted(headers, format)) {
            return Response.ok(service.page(filter, editor, p, s), MediaType.APPLICATION_JSON)
                    .build();
        }
        boolean everything = page == null && size == null;
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter printer = Csv.printer(writer, NativeColumns.ALL);
            int chunk = everything ? 0 : p;
            int chunkSize = everything ? EXPORT_CHUNK : s;
            while (true) {
                final int current = chunk;
                // one short transaction per chunk, so a large export holds no connection for long
                List<IncidentView> rows =
                        QuarkusTransaction.requiringNew().call(() -> service.rows(filter, editor, current, chunkSize));
                for (IncidentView v : rows) {
                    IncidentCsv.write(printer, v);
                }
                if (!everything || rows.size() < chunkSize) {
                    break;
                }
                chunk++;
            }
            printer.flush();
        };
        return Response.ok(body, Csv.MEDIA_TYPE_UTF8)
                .header("Content-Disposition", "attachment; filename=\"incidents.csv\"")
                .header(Csv.ATTRIBUTION_HEADER, Csv.attribution(service.credits(filter, editor)))
                .build();
    }

    /** A whole-number parameter in [min, max], its default when absent, else a 400 naming it. */
    private static int whole(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            v = Long.MIN_VALUE;
        }
        if (v < min || v > max) {
            throw ProblemException.badParameter(
                    name, value, "'" + name + "' must be a whole number from " + min + " to " + max);
        }
        return (int) v;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One incident")
    public IncidentView get(@RestPath long id, @Context HttpHeaders headers) {
        return service.get(id, editors.presentIn(headers.getHeaderString(HttpHeaders.AUTHORIZATION)));
    }

    @POST
    @EditorOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Operation(
            summary = "Add an incident",
            description = "Places are names, aliases or codes. dataset defaults to 'manual', externalId to a UUID.")
    public Response create(@Valid @NotNull IncidentInput input) {
        IncidentView created = service.create(input);
        return Response.created(URI.create("/api/v1/incidents/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{id}")
    @EditorOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Operation(
            summary = "Replace an incident",
            description = "Needs the version last read; a stale version is a 409 (someone else changed it).")
    public IncidentView update(@RestPath long id, @Valid @NotNull IncidentInput input) {
        return service.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @EditorOnly
    @SecurityRequirement(name = "editorToken")
    @Operation(summary = "Delete an incident")
    public Response delete(@RestPath long id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
