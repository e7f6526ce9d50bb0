package org.militrend.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * ETags for read endpoints: the data version (bumped by every write) and the request's query,
 * so a repeated request costs one version look-up and answers 304 while nothing changed.
 */
public final class HttpCaching {

    private HttpCaching() {}

    /** The request's query parameters, sorted: equal for requests that ask the same thing. */
    public static String normalizedQuery(UriInfo uri, String variant) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        return uri.getPath() + "?" + new TreeMap<>(params) + "#" + variant;
    }

    /**
     * A weak tag: the gzip and the identity body of one answer carry the same one, which a strong
     * tag may not (RFC 9110, 8.8.3), and a weak tag still answers If-None-Match with 304.
     */
    public static EntityTag etag(long dataVersion, String normalizedQuery) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalizedQuery.getBytes(StandardCharsets.UTF_8));
            return new EntityTag("v" + dataVersion + "-" + HexFormat.of().formatHex(digest, 0, 12), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 304 builder when the client's If-None-Match matches, else null. */
    public static Response.ResponseBuilder notModified(Request request, EntityTag tag) {
        return request.evaluatePreconditions(tag);
    }

    /**
     * The whole conditional GET: 304 when the client's If-None-Match matches the tag of this data
     * version and query, else the built response; both carry the tag.
     */
    public static Response conditional(
            long dataVersion, String normalizedQuery, Request request, Supplier<Response.ResponseBuilder> build) {
        EntityTag tag = etag(dataVersion, normalizedQuery);
        Response.ResponseBuilder unchanged = notModified(request, tag);
        return tagged(unchanged != null ? unchanged : build.get(), tag).build();
    }

    /**
     * Clients may keep the response but must revalidate it (the data can change at any time); the
     * body depends on the Accept header (JSON or CSV) and, through compression, on Accept-Encoding.
     */
    public static Response.ResponseBuilder tagged(Response.ResponseBuilder b, EntityTag tag) {
        return b.tag(tag).header("Cache-Control", "no-cache").header("Vary", "Accept, Accept-Encoding");
    }
}
