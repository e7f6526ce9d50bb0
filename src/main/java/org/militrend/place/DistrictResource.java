package org.militrend.place;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

@Path("/api/v1/districts")
@Tag(name = "Places")
class DistrictResource {

    @Inject
    PlaceService places;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "List districts",
            description = "Every district of the 2023 census plus those of Azad Jammu and Kashmir and"
                    + " Gilgit-Baltistan, with their aliases and Census 2023 population. CSV with"
                    + " Accept: text/csv or format=csv (aliases joined by '|').")
    @APIResponse(
            responseCode = "200",
            description = "the districts, by province then name",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = DistrictView.class, type = SchemaType.ARRAY)),
                @Content(mediaType = Csv.MEDIA_TYPE)
            })
    @APIResponse(responseCode = "400", description = "unknown province (with suggestions) or format")
    public Response list(
            @Parameter(
                            description = "only these provinces: name, alias or code; repeatable or comma-separated",
                            example = "KPK")
                    @QueryParam("province")
                    List<String> province,
            @Parameter(description = "json (default) or csv", example = "csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        List<DistrictView> rows = places.districts(province);
        if (Csv.wanted(headers, format)) {
            String body = Csv.write(
                    DistrictView.CSV_HEADER,
                    rows.stream().map(DistrictView::csvRow).toList());
            return Response.ok(body, Csv.MEDIA_TYPE + ";charset=UTF-8")
                    .header(Csv.ATTRIBUTION_HEADER, Csv.attribution(List.of(PlaceService.CENSUS_CREDIT)))
                    .build();
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/resolve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resolve a place name to a district",
            description = "Matches a district name, alias, spelling, pre-2018 agency name, town or code"
                    + " (case, spacing, punctuation and 'Agency'/'District' do not matter) and ranks"
                    + " the closest districts by Jaro-Winkler similarity.")
    @APIResponse(responseCode = "200", description = "the match (or null) and the ranked candidates")
    @APIResponse(responseCode = "400", description = "missing name, bad limit or unknown province")
    public DistrictResolveView resolve(
            @Parameter(description = "the place name to resolve", required = true, example = "D.I Khan")
                    @QueryParam("name")
                    String name,
            @Parameter(
                            description = "the province the source gave, if any: a conflict with the district's"
                                    + " province is reported in warnings",
                            example = "KPK")
                    @QueryParam("province")
                    String province,
            @Parameter(description = "at most this many candidates (1-50)", example = "5")
                    @QueryParam("limit")
                    @DefaultValue("5")
                    int limit) {
        return places.resolve(name, province, limit);
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One district by code")
    @APIResponse(responseCode = "200", description = "the district")
    @APIResponse(responseCode = "404", description = "no district has this code")
    public DistrictView one(
            @Parameter(description = "district code", example = "PK-KP-DERA-ISMAIL-KHAN") @PathParam("code")
                    String code) {
        return places.district(code);
    }
}
