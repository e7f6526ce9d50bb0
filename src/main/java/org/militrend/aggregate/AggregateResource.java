package org.militrend.aggregate;

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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.militrend.common.Csv;
import org.militrend.common.HttpCaching;
import org.militrend.common.VersionedCache;
import org.militrend.incident.DataVersion;
import org.militrend.incident.FilterParams;

@Path("/api/v1/aggregates")
@Tag(name = "Aggregates")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class AggregateResource {

    @Inject
    AggregateService service;

    @Inject
    AggregateQueryParser parser;

    @Inject
    VersionedCache cache;

    @Inject
    DataVersion dataVersion;

    @GET
    @Operation(
            summary = "Incidents and casualties grouped by place, type, actor, dataset and time",
            description = "One GROUP BY in the database; time dimensions zero-filled over [from, to] for every group;"
                    + " totals cover every row (before limit); attribution names the datasets behind the numbers."
                    + " Incidents known only to province level count in their province and appear, with district"
                    + " null, when grouping by district. Carries an ETag: If-None-Match answers 304 while the data"
                    + " is unchanged. An answer of more than 100,000 rows (groups x periods, counted first) is refused"
                    + " with a 400 that says how to narrow it.")
    public Response aggregate(
            @BeanParam FilterParams filters,
            @BeanParam AggregateParams params,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context Request request) {
        boolean csv = Csv.wanted(headers, params.format);
        long version = dataVersion.current();
        String key = HttpCaching.normalizedQuery(uri, csv ? "csv" : "json");
        return HttpCaching.conditional(version, key, request, () -> {
            AggregateResult result = cache.get(
                    key, version, () -> service.run(parser.parse(filters, params)), AggregateResource::weight);
            return csv
                    ? Response.ok(toCsv(result), Csv.MEDIA_TYPE_UTF8)
                            .header(Csv.ATTRIBUTION_HEADER, Attribution.header(result.attribution()))
                    : Response.ok(result, MediaType.APPLICATION_JSON);
        });
    }

    /** An answer's weight in the cache: its rows, and one for the totals. */
    static long weight(AggregateResult result) {
        return result.rows().size() + 1L;
    }

    /**
     * The CSV form, written to the response as it goes: the header line through the CSV printer,
     * then the rows as {@link RowBytes} encodes them; a 38,400-row answer is never held whole.
     */
    static StreamingOutput toCsv(AggregateResult result) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Csv.printer(writer, result.columns()).flush();
            RowBytes.writeCsv(result.rows(), out);
            out.flush();
        };
    }
}
