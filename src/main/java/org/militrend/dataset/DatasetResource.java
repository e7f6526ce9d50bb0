package org.militrend.dataset;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.militrend.common.ProblemException;
import org.militrend.incident.DataVersion;
import org.militrend.incident.FilterResolver;
import org.militrend.ingest.DatasetCatalog;
import org.militrend.security.EditorOnly;

/** The datasets describe themselves (contract "Datasets"). */
@Path("/api/v1/datasets")
@Tag(name = "Datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    @Inject
    DatasetCatalog catalog;

    @Inject
    DataVersion dataVersion;

    @GET
    @Operation(
            summary = "Every dataset",
            description = "Name, format, title, citation, licence, url, scope, coverage {from, to}, complete,"
                    + " rawAccess (open or editors), incidents, releases and lastImport of every dataset.")
    public List<DatasetCatalog.Description> list() {
        return catalog.describeAll();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One dataset")
    public DatasetCatalog.Description get(@RestPath String name) {
        return catalog.describe(name).orElseThrow(() -> ProblemException.notFound("dataset " + name));
    }

    @PUT
    @Path("/{name}")
    @EditorOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Operation(
            summary = "Change a dataset's description",
            description = "Title, citation, licence, url, scope, coverage, complete and rawAccess; absent fields stay.")
    @Transactional
    public DatasetCatalog.Description put(@RestPath String name, @Valid @NotNull DatasetUpdate body) {
        LocalDate from = body.coverage() == null
                ? null
                : FilterResolver.date("coverage.from", body.coverage().from());
        LocalDate to = body.coverage() == null
                ? null
                : FilterResolver.date("coverage.to", body.coverage().to());
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badParameter("coverage.from", body.coverage().from(), "after coverage.to");
        }
        String rawAccess = body.rawAccess() == null ? null : body.rawAccess().trim();
        if (rawAccess != null && !rawAccess.equals("open") && !rawAccess.equals("editors")) {
            throw ProblemException.badParameter("rawAccess", body.rawAccess(), "'rawAccess' is open or editors");
        }
        DatasetCatalog.Changes changes = new DatasetCatalog.Changes(
                body.title(),
                body.citation(),
                body.licence(),
                body.url(),
                body.scope(),
                from,
                to,
                body.complete(),
                rawAccess);
        DatasetCatalog.Description changed =
                catalog.change(name, changes).orElseThrow(() -> ProblemException.notFound("dataset " + name));
        dataVersion.bump(); // coverage and completeness change what aggregates and trends answer
        return changed;
    }
}
