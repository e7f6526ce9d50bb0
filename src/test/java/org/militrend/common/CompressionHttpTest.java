package org.militrend.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.militrend.testing.Api;

/**
 * gzip over real HTTP, with a client that does not decompress by itself: a client that sends
 * {@code Accept-Encoding: gzip} gets {@code Content-Encoding: gzip} whose inflated bytes are
 * exactly those a client without it gets, every such answer says {@code Vary: Accept-Encoding},
 * and the weak ETag of an answer revalidates with 304 under either encoding.
 */
@QuarkusTest
class CompressionHttpTest {

    private static final String AGGREGATE = "/api/v1/aggregates?dataset=gzip-test&groupBy=district,month";

    @TestHTTPResource("/")
    URL root;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void load() {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,event_type,actor,killed,injured",
                                "z1,2020-01-15,KPK,Bannu,Attack,TTP,3,4",
                                "z2,2020-03-02,Balochistan,Quetta,Suicide bombing,BLA,10,20",
                                "z3,2021-06-10,Punjab,Lahore,Attack,TTP,1,"),
                        "format=native&complete=true&dataset=gzip-test")
                .statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                AGGREGATE + "|application/json",
                AGGREGATE + "&format=csv|text/csv",
                AGGREGATE + "&format=csv&excel=true|text/csv",
                "/api/v1/aggregates?groupBy=nowhere|application/problem+json",
                "/|text/html",
                "/js/main.js|javascript",
                "/css/dashboard.css|text/css"
            })
    void gzipForClientsThatAskIdentityForTheOthers(String pathAndType) throws Exception {
        String path = pathAndType.substring(0, pathAndType.indexOf('|'));
        String type = pathAndType.substring(pathAndType.indexOf('|') + 1);
        HttpResponse<byte[]> plain = get(path, null, null);
        HttpResponse<byte[]> gzip = get(path, "gzip", null);
        assertEquals(plain.statusCode(), gzip.statusCode(), path);
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").contains(type), path + " " + plain.headers());
        assertTrue(plain.body().length > 0, path);

        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null), path);
        assertFalse(
                plain.headers()
                        .firstValue("Content-Encoding")
                        .orElse("identity")
                        .contains("gzip"),
                path);
        assertArrayEquals(plain.body(), gunzip(gzip.body()), path + ": the inflated body differs");
        assertTrue(gzip.body().length < plain.body().length || plain.body().length < 200, path + " did not shrink");
        for (HttpResponse<byte[]> r : List.of(plain, gzip)) {
            String vary = String.join(",", r.headers().allValues("Vary")).toLowerCase(Locale.ROOT);
            assertTrue(vary.contains("accept-encoding"), path + ": Vary was " + vary);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AGGREGATE, AGGREGATE + "&format=csv"})
    void theWeakEtagRevalidatesUnderEitherEncoding(String path) throws Exception {
        HttpResponse<byte[]> plain = get(path, null, null);
        HttpResponse<byte[]> gzip = get(path, "gzip", null);
        String tag = plain.headers().firstValue("ETag").orElseThrow();
        assertTrue(tag.startsWith("W/\""), "a tag shared by the gzip and identity bodies must be weak: " + tag);
        assertEquals(tag, gzip.headers().firstValue("ETag").orElseThrow());
        for (String encoding : new String[] {null, "gzip"}) {
            HttpResponse<byte[]> revalidated = get(path, encoding, tag);
            assertEquals(304, revalidated.statusCode(), path + " with " + encoding);
            assertEquals(0, revalidated.body().length);
            assertEquals(tag, revalidated.headers().firstValue("ETag").orElseThrow());
            assertTrue(revalidated
                    .headers()
                    .firstValue("Vary")
                    .orElse("")
                    .toLowerCase(Locale.ROOT)
                    .contains("accept-encoding"));
        }
        assertEquals(200, get(path, "gzip", "W/\"v0-other\"").statusCode());
    }

    private HttpResponse<byte[]> get(String path, String encoding, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path));
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
