package org.militrend.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.militrend.common.ProblemException;
import org.militrend.ingest.ColumnMapping;
import org.militrend.ingest.MappingStore;
import org.militrend.security.EditorOnly;

/** Column mappings saved by name, for {@code POST /imports?format=mapped&mapping={name}}. */
@Path("/api/v1/mappings")
@Tag(name = "Imports")
@Produces(MediaType.APPLICATION_JSON)
public class MappingResource {

    @Inject
    MappingStore store;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Every saved column mapping, by name")
    public Map<String, JsonNode> list() throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnMapping> e : store.all().entrySet()) {
            out.put(e.getKey(), json.readTree(e.getValue().toJson()));
        }
        return out;
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One saved column mapping")
    public JsonNode get(@RestPath String name) throws IOException {
        ColumnMapping m = store.find(name).orElseThrow(() -> ProblemException.notFound("mapping " + name));
        return json.readTree(m.toJson());
    }

    @PUT
    @Path("/{name}")
    @EditorOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "editorToken")
    @Operation(summary = "Save a column mapping under a name (201 when new, 200 when replaced)")
    public Response put(@RestPath String name, String body) throws IOException {
        ColumnMapping mapping = ColumnMapping.parse(body);
        boolean created = store.save(name, mapping);
        JsonNode saved = json.readTree(mapping.toJson());
        return created
                ? Response.created(URI.create("/api/v1/mappings/" + name))
                        .entity(saved)
                        .build()
                : Response.ok(saved).build();
    }

    @DELETE
    @Path("/{name}")
    @EditorOnly
    @SecurityRequirement(name = "editorToken")
    @Operation(summary = "Delete a saved column mapping")
    public Response delete(@RestPath String name) {
        if (!store.delete(name)) {
            throw ProblemException.notFound("mapping " + name);
        }
        return Response.noContent().build();
    }
}
