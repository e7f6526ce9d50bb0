package org.militrend.place;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.militrend.common.Csv;

@Path("/api/v1/divisions")
@Tag(name = "Places")
class DivisionResource {

    @Inject
    PlaceService places;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "List divisions",
            description = "The administrative divisions (the tier between province and district) with their"
                    + " districts: the values of groupBy=division and the division filter. CSV with Accept:"
                    + " text/csv or format=csv (districts joined by '|').")
    @APIResponse(
            responseCode = "200",
            description = "the divisions, by province then name",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = DivisionView.class, type = SchemaType.ARRAY)),
                @Content(mediaType = Csv.MEDIA_TYPE)
            })
    @APIResponse(responseCode = "400", description = "unknown province (with suggestions) or format")
    public Response list(
            @Parameter(description = "only these provinces: name, alias or code; repeatable or comma-separated")
                    @QueryParam("province")
                    List<String> province,
            @Parameter(description = "json (default) or csv", example = "csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        List<DivisionView> rows = places.divisions(province);
        if (Csv.wanted(headers, format)) {
            String body = Csv.write(
                    DivisionView.CSV_HEADER,
                    rows.stream().map(DivisionView::csvRow).toList());
            return Response.ok(body, Csv.MEDIA_TYPE + ";charset=UTF-8")
                    .header(Csv.ATTRIBUTION_HEADER, Csv.attribution(List.of(PlaceService.CENSUS_CREDIT)))
                    .build();
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
