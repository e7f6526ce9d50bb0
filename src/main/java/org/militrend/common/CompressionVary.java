package org.militrend.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Compression for every response of a compressed media type, and {@code Vary: Accept-Encoding} on
 * each, so that a shared cache does not hand a gzip body to a client that did not ask for one.
 * With compression enabled, Quarkus marks every response {@code Content-Encoding: identity} and
 * lifts that mark from those of a compressed media type, but not from an error that a mapper
 * answered (problem+json); so the mark is lifted here too, just before the headers go out, and
 * Vert.x then compresses for the clients that accept it.
 */
@ApplicationScoped
class CompressionVary {

    private static final String ACCEPT_ENCODING = "Accept-Encoding";

    @ConfigProperty(name = "quarkus.http.compress-media-types")
    List<String> compressed;

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    context.addHeadersEndHandler(
                            v -> varyOnEncoding(context.response().headers()));
                    context.next();
                },
                100);
    }

    void varyOnEncoding(MultiMap headers) {
        if ("identity".equalsIgnoreCase(headers.get(HttpHeaders.CONTENT_ENCODING))) {
            if (!compressible(headers.get(HttpHeaders.CONTENT_TYPE))) {
                return;
            }
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        }
        String vary = headers.get(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            headers.set(HttpHeaders.VARY, ACCEPT_ENCODING);
        } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
            headers.set(HttpHeaders.VARY, vary + ", " + ACCEPT_ENCODING);
        }
    }

    private boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
        return compressed.contains(type);
    }
}
