package org.militrend.rollup;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.militrend.security.EditorOnly;

/** Editors' tools for the monthly rollup that every write keeps. */
@Path("/api/v1/admin/rollup")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@EditorOnly
@SecurityRequirement(name = "editorToken")
public class RollupResource {

    @Inject
    RollupService service;

    /** What a rebuild did. */
    public record Rebuilt(long rows, Consistency check) {}

    @POST
    @Path("/rebuild")
    @Operation(
            summary = "Recompute the monthly rollup from the incidents",
            description = "Writes keep the rollup; a rebuild repairs one changed behind the service's back.")
    public Rebuilt rebuild() throws SQLException {
        long rows = service.rebuild();
        return new Rebuilt(rows, service.check());
    }

    @GET
    @Path("/check")
    @Operation(
            summary = "Compare the monthly rollup with a GROUP BY over the incidents",
            description = "consistent is true when both hold exactly the same rows.")
    public Consistency check() throws SQLException {
        return service.check();
    }
}
