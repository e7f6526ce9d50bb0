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

@Path("/api/v1/provinces")
@Tag(name = "Places")
class ProvinceResource {

    @Inject
    PlaceService places;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "List provinces and territories",
            description = "The four provinces, Islamabad Capital Territory, Azad Jammu and Kashmir and"
                    + " Gilgit-Baltistan with aliases, Census 2023 population (null where the census has"
                    + " none) and number of districts. CSV with Accept: text/csv or format=csv.")
    @APIResponse(
            responseCode = "200",
            description = "the provinces, by name",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ProvinceView.class, type = SchemaType.ARRAY)),
                @Content(mediaType = Csv.MEDIA_TYPE)
            })
    @APIResponse(responseCode = "400", description = "bad format")
    public Response list(
            @Parameter(description = "json (default) or csv", example = "json") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        List<ProvinceView> rows = places.provinces();
        if (Csv.wanted(headers, format)) {
            String body = Csv.write(
                    ProvinceView.CSV_HEADER,
                    rows.stream().map(ProvinceView::csvRow).toList());
            return Response.ok(body, Csv.MEDIA_TYPE + ";charset=UTF-8")
                    .header(Csv.ATTRIBUTION_HEADER, Csv.attribution(List.of(PlaceService.CENSUS_CREDIT)))
                    .build();
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
