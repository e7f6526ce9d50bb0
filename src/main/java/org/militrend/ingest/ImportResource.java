package org.militrend.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.militrend.common.ProblemDetail;
import org.militrend.common.ProblemException;
import org.militrend.security.EditorOnly;

@Path("/api/v1/imports")
@Tag(name = "Imports")
@org.eclipse.microprofile.openapi.annotations.security.SecurityScheme(
        securitySchemeName = "editorToken",
        type = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The value of militrend.editor-token (env MILITREND_EDITOR_TOKEN); every write needs it")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ImportService service;

    @Inject
    ImportStore store;

    @Inject
    MappingStore mappings;

    @POST
    @EditorOnly
    @Consumes({
        "text/csv",
        MediaType.TEXT_PLAIN,
        MediaType.APPLICATION_OCTET_STREAM,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    })
    @SecurityRequirement(name = "editorToken")
    @Operation(
            summary = "Import a CSV or XLSX file (body)",
            description = "Streams the file into the database in one transaction. 201 when written, 200 for a dry"
                    + " run, 422 (problem+json with the report) when rows were rejected and nothing was written.")
    public Response importBody(
            InputStream body,
            @RestQuery
                    @Parameter(
                            description = "native, pbc-suicide, acled, ucdp-ged, gtd, mapped",
                            required = true,
                            example = "pbc-suicide")
                    String format,
            @RestQuery @Parameter(description = "Dataset the rows belong to (default: the format's name)")
                    String dataset,
            @RestQuery @DefaultValue("false") @Parameter(description = "Check and count, write nothing") String dryRun,
            @RestQuery
                    @DefaultValue("fail")
                    @Parameter(
                            description = "fail: nothing is written if a row is rejected;"
                                    + " skip: good rows are written, rejected rows go to quarantine")
                    String onError,
            @RestQuery @DefaultValue("false") @Parameter(description = "native: skip unknown columns")
                    String ignoreUnknownColumns,
            @RestQuery
                    @Parameter(
                            description = "Force a charset (default: detect UTF-8 or Windows-1252)",
                            example = "windows-1252")
                    String charset,
            @RestQuery @Parameter(description = "Name recorded in the history") String fileName,
            @BeanParam DatasetParams describe)
            throws IOException {
        ImportOptions options =
                options(format, dataset, dryRun, onError, ignoreUnknownColumns, charset, fileName, describe, null);
        return respond(service.importStream(body, options));
    }

    @POST
    @EditorOnly
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SecurityRequirement(name = "editorToken")
    @Operation(
            summary = "Import a CSV or XLSX file (multipart field 'file'; for format=mapped an inline column mapping"
                    + " in the field 'mapping')")
    public Response importMultipart(
            @RestForm("file") FileUpload file,
            @RestForm("mapping") String mapping,
            @RestQuery String format,
            @RestQuery String dataset,
            @RestQuery @DefaultValue("false") String dryRun,
            @RestQuery @DefaultValue("fail") String onError,
            @RestQuery @DefaultValue("false") String ignoreUnknownColumns,
            @RestQuery String charset,
            @BeanParam DatasetParams describe)
            throws IOException {
        if (file == null) {
            throw ProblemException.badParameter("file", null, "the multipart field 'file' is missing");
        }
        try {
            if (mapping != null && !mapping.isBlank() && describe.mapping != null) {
                throw ProblemException.badParameter(
                        "mapping", describe.mapping, "send either the field 'mapping' or the parameter mapping={name}");
            }
            ColumnMapping inline = mapping == null || mapping.isBlank() ? null : ColumnMapping.parse(mapping);
            ImportOptions options = options(
                    format, dataset, dryRun, onError, ignoreUnknownColumns, charset, file.fileName(), describe, inline);
            return respond(service.importFile(file.uploadedFile(), options));
        } finally {
            // the HTTP layer deletes it at the end of the request too; the spool must not keep it
            Files.deleteIfExists(file.uploadedFile());
        }
    }

    @GET
    @Operation(summary = "Import history, newest first")
    public List<ImportSummary> list(
            @RestQuery @Parameter(description = "Page number, from 0.") String page,
            @RestQuery @Parameter(description = "Page size, 1 to 1000 (default 100).") String size) {
        int s = whole("size", size, 100, 1, 1000);
        // the page's first row must be addressable: page x size beyond 2^31 rows is no page
        return store.list(whole("page", page, 0, 0, Integer.MAX_VALUE / s), s);
    }

    /**
     * An upload that cannot be read as multipart (a wrong or missing boundary, a body cut short)
     * is the client's to fix; the multipart parser reports it as an I/O error before any resource
     * method runs.
     */
    @ServerExceptionMapper
    Response unreadableUpload(IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("No space left")) {
            // the spool folder's disk is full: the upload was fine, the service is short of room
            return Response.status(503)
                    .type(ProblemDetail.MEDIA_TYPE)
                    .header("Retry-After", 60)
                    .entity(new ProblemDetail(
                            "https://militrend.org/problems/503",
                            "Service unavailable",
                            503,
                            "no disk space left to hold the upload; retry later",
                            null))
                    .build();
        }
        String detail =
                "the upload cannot be read: " + (e.getMessage() == null ? "broken request body" : e.getMessage());
        return Response.status(400)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(new ProblemDetail("https://militrend.org/problems/400", "Unreadable upload", 400, detail, null))
                .build();
    }

    /** A whole-number parameter in [min, max], its default when absent, else a 400 naming it. */
    private static int whole(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw ProblemException.badParameter(
                name, value, "'" + name + "' must be a whole number from " + min + " to " + max);
    }

    @GET
    @Path("/formats")
    @Operation(summary = "The formats this service imports, with the citation of their default dataset")
    public Map<String, String> formats() {
        return service.formats();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One import report; a running import shows its progress")
    public ImportReport get(@RestPath long id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("import " + id));
    }

    @GET
    @Path("/{id}/quarantine")
    @Operation(summary = "The rows an onError=skip import rejected, with the reason")
    public List<QuarantineEntry> quarantine(@RestPath long id) {
        return store.quarantine(id);
    }

    private static Response respond(ImportReport report) {
        if ("rejected".equals(report.state())) {
            String detail = report.rejected() > 0
                    ? report.rejected() + " of " + report.rowsRead() + " rows were rejected; nothing was written"
                    : "the file cannot be imported; nothing was written";
            return Response.status(422)
                    .type(ProblemDetail.MEDIA_TYPE)
                    .entity(new RejectedImport(
                            "https://militrend.org/problems/import-rejected", "Import rejected", 422, detail, report))
                    .build();
        }
        if (report.dryRun()) {
            return Response.ok(report).build();
        }
        return Response.created(URI.create("/api/v1/imports/" + report.importId()))
                .entity(report)
                .build();
    }

    private ImportOptions options(
            String format,
            String dataset,
            String dryRun,
            String onError,
            String ignoreUnknownColumns,
            String charset,
            String fileName,
            DatasetParams describe,
            ColumnMapping inline) {
        if (format == null || format.isBlank()) {
            throw ProblemException.badParameter(
                    "format", format, "'format' is required (native, pbc-suicide, acled, ucdp-ged, gtd, mapped)");
        }
        ImportOptions.OnError mode = switch (onError.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> ImportOptions.OnError.FAIL;
            case "skip" -> ImportOptions.OnError.SKIP;
            default -> throw ProblemException.badParameter("onError", onError, "'onError' must be 'fail' or 'skip'");
        };
        return new ImportOptions(
                format.trim().toLowerCase(Locale.ROOT),
                dataset,
                bool("dryRun", dryRun),
                mode,
                bool("ignoreUnknownColumns", ignoreUnknownColumns),
                charset(charset),
                fileName,
                describe.claims(),
                inline != null ? inline : describe.mapping == null ? null : mappings.get(describe.mapping.trim()));
    }

    private static boolean bool(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw ProblemException.badParameter(name, value, "'" + name + "' must be true or false");
        };
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.badParameter("charset", name, "unknown charset");
        }
    }
}
