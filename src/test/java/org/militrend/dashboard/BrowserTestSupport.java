package org.militrend.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/**
 * What every dashboard browser test class shares: one headless Chromium per class, the Pakistan
 * Body Count file imported before each test, and after it a screenshot per database and the
 * page's hygiene (own origin only, no unexpected console error). Without a browser a test is
 * aborted, and fails when CI=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {

    /** Numbers as doubles (RestAssured reads JSON decimals as floats by default). */
    static final JsonPathConfig DOUBLES =
            JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    @TestHTTPResource("/")
    URL root;

    Chromium browser;
    private String unavailable;

    /** The browser window's height in pixels (the width is 1280). */
    abstract int windowHeight();

    @BeforeAll
    void startBrowser() {
        unavailable = Chromium.unavailable();
        if (unavailable != null) {
            return;
        }
        try {
            browser = new Chromium(1280, windowHeight());
        } catch (RuntimeException | IOException e) {
            unavailable = "Chromium did not start: " + e;
        }
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void browserAndData() {
        if (unavailable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but the browser is missing: " + unavailable);
            }
            Assumptions.abort(unavailable);
        }
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide").statusCode(anyOf(is(200), is(201)));
        browser.reset();
    }

    @AfterEach
    void screenshotAndHygiene(TestInfo info) throws IOException {
        if (browser == null) {
            return;
        }
        String name = info.getTestMethod().map(m -> m.getName()).orElse("test") + "-"
                + System.getProperty("test.database", "h2") + ".png";
        browser.screenshot(Path.of("target", "screenshots", name));
        browser.assertHygiene();
    }

    /** JSON or JavaScript numbers as doubles, null as NaN (what a chart draws no point for). */
    static List<Double> numbers(List<?> values) {
        List<Double> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v == null ? Double.NaN : ((Number) v).doubleValue());
        }
        return out;
    }

    static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    /** Opens the dashboard with a query string ("?dataset=…") and waits until it is ready. */
    void open(String query) {
        browser.open(root.toString().replaceAll("/$", "") + "/" + query);
    }

    /** {@code GET /api/v1/aggregates?query} as sent (not re-encoded), 200 expected. */
    static JsonPath aggregates(String query) {
        return given().urlEncodingEnabled(false)
                .get("/api/v1/aggregates?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
    }

    /** The data's first and last event date under the given filters (the API's defaults). */
    static String[] extent(String filters) {
        JsonPath p = aggregates(filters);
        return new String[] {p.getString("query.from"), p.getString("query.to")};
    }

    /** The from/to of the dashboard's default view ("all") under the given filters. */
    static String range(String filters) {
        String[] e = extent(filters);
        return "from=" + e[0] + "&to=" + e[1];
    }
}
