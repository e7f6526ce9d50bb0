package org.militrend.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real (headless) Chromium against the service on its test port, over the real
 * Pakistan Body Count file: every number on the page is checked against the API it came from.
 */
@QuarkusTest
@Tag("browser")
class DashboardBrowserTest extends BrowserTestSupport {

    private static final String XSS_DATASET = "dash-untrusted";
    private static final String XSS_NOTES =
            "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned=2\">";

    private ChromeDriver driver;

    @Override
    int windowHeight() {
        return 800;
    }

    @BeforeEach
    void windowSize() {
        driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterEach
    void resourcesWereLoaded() {
        if (browser != null) {
            Number count = (Number) js("return performance.getEntriesByType('resource').length");
            assertTrue(count.intValue() > 3, "no resources recorded");
        }
    }

    // ---------------------------------------------------------------- tests

    @Test
    void tilesAndChartsAreTheApiNumbers() {
        open("?metric=killed&granularity=year&dataset=pbc-suicide");
        String[] range = extent("dataset=pbc-suicide");
        JsonPath agg = aggregates("groupBy=year&metrics=incidents,killed,injured&dataset=pbc-suicide&from=" + range[0]
                + "&to=" + range[1]);

        assertEquals(agg.getLong("totals.killed"), tileValue("killed"));
        assertEquals(agg.getLong("totals.incidents"), tileValue("incidents"));
        assertEquals(agg.getLong("totals.injured"), tileValue("injured"));
        int n = agg.getList("rows").size();
        // (with trends, forecast periods follow the observed ones)
        assertEquals(
                numbers(agg.getList("rows.killed")),
                chartData("chart-series", 0).subList(0, n));
        assertEquals(
                strings(agg.getList("rows.year")),
                strings(((List<?>) js("return Chart.getChart(document.getElementById('chart-series')).$periods"))
                        .subList(0, n)));

        // the district ranking: the API's top districts, in order, province-only rows left out
        JsonPath ranked = aggregates("groupBy=district&metrics=killed&sort=-killed&limit=40&perCapita=true"
                + "&dataset=pbc-suicide&from=" + range[0] + "&to=" + range[1]);
        List<Double> expected = new ArrayList<>();
        List<Map<String, Object>> rows = ranked.getList("rows");
        for (Map<String, Object> r : rows) {
            if (r.get("district") != null && expected.size() < 15) {
                expected.add(((Number) r.get("killed")).doubleValue());
            }
        }
        assertEquals(expected, chartData("chart-ranking", 0));
        assertEquals(
                rows.stream()
                        .filter(r -> r.get("district") != null)
                        .findFirst()
                        .orElseThrow()
                        .get("district"),
                js("return Chart.getChart(document.getElementById('chart-ranking')).data.labels[0]"));
        // the whole data: no earlier period to compare with
        assertEquals("few", driver.findElement(By.id("tile-killed")).getDomAttribute("data-band"));
    }

    @Test
    void filtersChangeTheUrlAndTheChartsAndBackForwardRestoreThem() {
        open("?dataset=pbc-suicide&range=3y");
        String[] all = extent("dataset=pbc-suicide");
        String from = LocalDate.parse(all[1]).withDayOfMonth(1).minusMonths(35).toString();
        assertEquals(from, driver.findElement(By.id("f-from")).getDomProperty("value"));
        assertEquals(all[1], driver.findElement(By.id("f-to")).getDomProperty("value"));

        new Select(driver.findElement(By.id("f-province"))).selectByValue("Balochistan");
        waitReady();
        assertTrue(driver.getCurrentUrl().contains("province=Balochistan"), driver.getCurrentUrl());
        String[] bal = extent("dataset=pbc-suicide&province=Balochistan");
        String balFrom =
                LocalDate.parse(bal[1]).withDayOfMonth(1).minusMonths(35).toString();
        JsonPath agg = aggregates("groupBy=month&metrics=incidents&dataset=pbc-suicide&province=Balochistan&from="
                + balFrom + "&to=" + bal[1]);
        List<Double> balochistan = numbers(agg.getList("rows.incidents"));
        assertEquals(balochistan, observed(balochistan.size()));
        assertEquals(agg.getLong("totals.incidents"), tileValue("incidents"));
        // the tile compares with the 3 years before
        JsonPath before = aggregates("dataset=pbc-suicide&province=Balochistan&from="
                + LocalDate.parse(balFrom).minusDays(daysBetween(balFrom, bal[1])) + "&to="
                + LocalDate.parse(balFrom).minusDays(1));
        String changeText =
                driver.findElement(By.cssSelector("#tile-incidents .change")).getText();
        assertTrue(changeText.contains("vs " + before.getLong("totals.incidents") + " in the previous"), changeText);

        new Select(driver.findElement(By.id("f-metric"))).selectByValue("killed");
        waitReady();
        assertTrue(driver.getCurrentUrl().contains("metric=killed"), driver.getCurrentUrl());
        JsonPath killed = aggregates("groupBy=month&metrics=killed&dataset=pbc-suicide&province=Balochistan&from="
                + balFrom + "&to=" + bal[1]);
        assertEquals(
                numbers(killed.getList("rows.killed")),
                observed(numbers(killed.getList("rows.killed")).size()));

        driver.navigate().back();
        waitReady();
        assertFalse(driver.getCurrentUrl().contains("metric=killed"), driver.getCurrentUrl());
        assertEquals("incidents", selected("f-metric"));
        assertEquals(balochistan, observed(balochistan.size()));

        driver.navigate().back();
        waitReady();
        assertEquals("", selected("f-province"));

        driver.navigate().forward();
        driver.navigate().forward();
        waitReady();
        assertEquals("killed", selected("f-metric"));
        assertEquals("Balochistan", selected("f-province"));
        assertEquals(
                numbers(killed.getList("rows.killed")),
                observed(numbers(killed.getList("rows.killed")).size()));
    }

    @Test
    void aSharedUrlRestoresTheView() {
        String from = "2010-01-01";
        String to = "2012-12-31";
        open("?range=custom&from=" + from + "&to=" + to
                + "&province=Khyber+Pakhtunkhwa&metric=casualties&granularity=quarter&perCapita=1&split=1");
        assertEquals("custom", selected("f-range"));
        assertEquals(from, driver.findElement(By.id("f-from")).getDomProperty("value"));
        assertEquals(to, driver.findElement(By.id("f-to")).getDomProperty("value"));
        assertEquals("Khyber Pakhtunkhwa", selected("f-province"));
        assertEquals("casualties", selected("f-metric"));
        assertEquals("quarter", selected("f-granularity"));
        assertEquals("true", driver.findElement(By.id("f-split")).getDomProperty("checked"));
        assertEquals("true", driver.findElement(By.id("f-perCapita")).getDomProperty("checked"));

        String filter = "province=Khyber%20Pakhtunkhwa&from=" + from + "&to=" + to;
        JsonPath agg = aggregates("groupBy=quarter&metrics=incidents,killed,injured,killedCivilians,"
                + "killedSecurityForces,killedMilitants&" + filter);
        assertEquals(agg.getLong("totals.incidents"), tileValue("incidents"));
        // the stacked split: four datasets that add up to the killed of each quarter
        assertEquals(4L, js("return Chart.getChart(document.getElementById('chart-series')).data.datasets.length"));
        List<List<Double>> stacks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stacks.add(chartData("chart-series", i));
        }
        List<Double> killed = numbers(agg.getList("rows.killed"));
        for (int q = 0; q < killed.size(); q++) {
            double sum = 0;
            for (List<Double> s : stacks) {
                sum += s.get(q).isNaN() ? 0 : s.get(q); // an unknown part is a gap in its stack, adding nothing
            }
            assertEquals(killed.get(q), sum, 1e-9, "quarter " + q);
        }
        assertEquals(numbers(agg.getList("rows.killedCivilians")), stacks.get(0));

        // the ranking per 100k people
        JsonPath ranked = aggregates(
                "groupBy=district&metrics=casualties&perCapita=true&sort=-casualtiesPer100k" + "&limit=40&" + filter);
        List<Map<String, Object>> rows = ranked.getList("rows");
        double top = rows.stream()
                .filter(r -> r.get("district") != null && r.get("casualtiesPer100k") != null)
                .map(r -> ((Number) r.get("casualtiesPer100k")).doubleValue())
                .findFirst()
                .orElseThrow();
        assertEquals(top, chartData("chart-ranking", 0).get(0), 1e-9);
    }

    @Test
    void clickingADistrictInTheHeatMapFiltersToIt() {
        open("?metric=killed&dataset=pbc-suicide");
        WebElement first = driver.findElement(By.cssSelector("#heatmap button.hm-name"));
        String district = first.getText();
        // hovering shows the value: every cell carries a <title> with district, month and value
        WebElement cell = driver.findElement(By.cssSelector("#heatmap svg rect[data-value]:not([data-value='0'])"));
        String title = (String) js("return arguments[0].querySelector('title').textContent", cell);
        assertTrue(
                title.startsWith(cell.getDomAttribute("data-district") + ", " + cell.getDomAttribute("data-month")
                        + ": " + cell.getDomAttribute("data-value")),
                title);
        JsonPath month = aggregates("metrics=killed&dataset=pbc-suicide&district="
                + enc(cell.getDomAttribute("data-district")) + "&from=" + cell.getDomAttribute("data-month")
                + "-01&to="
                + YearMonth.parse(cell.getDomAttribute("data-month")).atEndOfMonth());
        assertEquals(month.getLong("totals.killed"), Long.parseLong(cell.getDomAttribute("data-value")));

        first.click();
        waitReady();
        assertTrue(
                driver.getCurrentUrl().contains("district=" + enc(district).replace("%20", "+")),
                driver.getCurrentUrl());
        assertEquals(district, driver.findElement(By.id("f-district")).getDomProperty("value"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#incidents tbody tr[data-id]"));
        assertFalse(rows.isEmpty());
        for (WebElement r : rows) {
            assertEquals(district, r.findElements(By.tagName("td")).get(2).getText());
        }
        long total = given().get("/api/v1/incidents?size=1&dataset=pbc-suicide&district=" + enc(district))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
        assertTrue(driver.findElement(By.id("page-info")).getText().endsWith(total + " incidents"));
        // one district is not a ranking: no chart of a single bar, and the panel says why
        assertNull(js("return Chart.getChart(document.getElementById('chart-ranking')) || null"));
        String status =
                driver.findElement(By.cssSelector("#panel-ranking .status")).getText();
        assertTrue(status.startsWith("One district in this view (" + district + ")"), status);
    }

    @Test
    void downloadsReturnTheRightFiles() {
        open("?metric=injured&granularity=year&province=Punjab");
        String csvHref = driver.findElement(By.id("dl-csv")).getDomAttribute("href");
        String jsonHref = driver.findElement(By.id("dl-json")).getDomAttribute("href");
        String apiUrl = driver.findElement(By.id("api-url")).getDomProperty("value");
        assertTrue(csvHref.startsWith("/api/v1/aggregates?") && csvHref.contains("format=csv"), csvHref);
        assertTrue(apiUrl.startsWith(root.toString().replaceAll("/$", "") + "/api/v1/aggregates?"), apiUrl);
        assertEquals(URI.create(apiUrl).getRawPath() + "?" + URI.create(apiUrl).getRawQuery() + "&format=csv", csvHref);

        JsonPath api = given().urlEncodingEnabled(false)
                .get(URI.create(apiUrl).getRawPath() + "?" + URI.create(apiUrl).getRawQuery())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        Response csv = given().urlEncodingEnabled(false).get(csvHref);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String[] lines = csv.asString().split("\r?\n");
        assertTrue(lines[0].startsWith("year,covered,partial,incidents,killed,injured"), lines[0]);
        assertEquals(api.getList("rows").size() + 1, lines.length);
        Response json = given().urlEncodingEnabled(false).get(jsonHref);
        assertEquals(200, json.statusCode());
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        assertEquals(api.getList("rows.injured"), json.jsonPath().getList("rows.injured"));
        assertEquals(
                numbers(api.getList("rows.injured")),
                observed(numbers(api.getList("rows.injured")).size()));

        Response incidents = given().urlEncodingEnabled(false)
                .get(driver.findElement(By.id("dl-incidents")).getDomAttribute("href"));
        assertEquals(200, incidents.statusCode());
        assertTrue(incidents.asString().startsWith("external_id,date"));

        for (String id : List.of("png-series", "png-ranking")) {
            String png = browser.madeHref(id);
            assertTrue(png.startsWith("data:image/png;base64,"), id);
            byte[] bytes = Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1));
            assertEquals((byte) 0x89, bytes[0]);
            assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
            assertTrue(bytes.length > 5_000, id + " is an empty image");
        }
        String svg = browser.madeHref("svg-heatmap");
        assertTrue(svg.startsWith("data:image/svg+xml"), svg);
        assertTrue(URLDecoder.decode(svg.substring(svg.indexOf(',') + 1), StandardCharsets.UTF_8)
                .startsWith("<svg"));
    }

    @Test
    void untrustedNotesAndPlaceTextShowAsText() {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,location,event_type,killed,injured,source,source_url,notes",
                                "x1,2016-05-05,Punjab,Lahore,<b>Anarkali</b> Bazaar,Attack,2,3,Bad source,"
                                        + "javascript:window.__pwned=3,\"" + XSS_NOTES.replace("\"", "\"\"") + "\"",
                                "x2,2016-06-06,Punjab,Lahore,Mall Road,Attack,1,,Dawn,https://www.dawn.com/news/1,plain"),
                        "format=native&dataset=" + XSS_DATASET)
                .statusCode(anyOf(is(200), is(201)));
        open("?dataset=" + XSS_DATASET);
        WebElement table = driver.findElement(By.id("incidents"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr[data-id]"));
        assertEquals(2, rows.size());
        List<WebElement> first = rows.get(0).findElements(By.tagName("td"));
        assertEquals(XSS_NOTES, first.get(9).getText());
        assertEquals("<b>Anarkali</b> Bazaar", first.get(3).getText());
        assertTrue(table.findElements(By.tagName("script")).isEmpty());
        assertTrue(table.findElements(By.tagName("img")).isEmpty());
        assertTrue(table.findElements(By.tagName("b")).isEmpty());
        assertNull(js("return window.__pwned === undefined ? null : window.__pwned"));
        // a javascript: source URL is not made a link; a real one opens in a new tab without opener
        assertTrue(first.get(8).findElements(By.tagName("a")).isEmpty());
        assertEquals("Bad source", first.get(8).getText());
        WebElement link = rows.get(1).findElements(By.tagName("td")).get(8).findElement(By.tagName("a"));
        assertEquals("https://www.dawn.com/news/1", link.getDomAttribute("href"));
        assertEquals("_blank", link.getDomAttribute("target"));
        assertTrue(link.getDomAttribute("rel").contains("noopener"));
        assertEquals(
                "unknown", rows.get(1).findElements(By.tagName("td")).get(7).getText());
    }

    @Test
    void apiErrorsAreShownWithTheirDetail() {
        browser.expectedConsoleErrors.add(m -> m.contains("status of 400"));
        open("?district=Nowhere");
        WebElement error = driver.findElement(By.id("global-error"));
        assertTrue(error.isDisplayed());
        assertTrue(error.getText().contains("unknown district 'Nowhere'; did you mean"), error.getText());
    }

    @Test
    void trendLineForecastAndChangePointComeFromTrends() {
        // the trend line is this test's subject: /trends failing fails the test, it never skips it
        given().get("/api/v1/trends?metric=incidents&granularity=month&dataset=pbc-suicide")
                .then()
                .statusCode(200);
        open("?dataset=pbc-suicide&granularity=month");
        String[] range = extent("dataset=pbc-suicide");
        String filter = "dataset=pbc-suicide&from=" + range[0] + "&to=" + range[1];
        JsonPath agg = aggregates("groupBy=month&metrics=incidents&" + filter);
        assertEquals(
                numbers(agg.getList("rows.incidents")),
                chartData("chart-series", 0).subList(0, agg.getList("rows").size()));
        WebElement error = driver.findElement(By.cssSelector("#panel-series .panel-error"));
        assertFalse(error.isDisplayed(), error.getText());
        JsonPath t = given().get(
                        "/api/v1/trends?metric=incidents&granularity=month&forecast=6&forecastFrom=current&" + filter)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        // the current regime's fitted piece is drawn where its periods are, to the API's values
        List<String> periods = strings(t.getList("periods"));
        int last = t.getList("segments").size() - 1;
        List<Double> fitted = numbers(t.getList("segments[" + last + "].fitted"));
        int from = periods.indexOf(t.getString("current.from"));
        List<Double> drawn = dataset("Current trend (since " + t.getString("current.from") + ")");
        for (int i = 0; i < fitted.size(); i++) {
            assertEquals(fitted.get(i), drawn.get(from + i), 1e-9, "fitted " + i);
        }
        assertTrue(drawn.subList(0, from).stream().allMatch(v -> v.isNaN()), "current trend drawn before its regime");
        // the forecast is the current regime's, its outer band the prediction interval of the count
        assertEquals("current-segment poisson", t.getString("forecastModel"));
        List<Double> upper = dataset("Forecast: 95 % prediction interval");
        List<Double> expectedUpper = numbers(t.getList("current.forecast.predictionUpper"));
        assertEquals(expectedUpper, upper.subList(upper.size() - expectedUpper.size(), upper.size()));
        List<Double> inner = dataset("Forecast: 95 % CI of the mean");
        List<Double> expectedInner = numbers(t.getList("current.forecast.upper"));
        assertEquals(expectedInner, inner.subList(inner.size() - expectedInner.size(), inner.size()));
        String note = driver.findElement(By.id("series-note")).getText();
        double p = t.getDouble("changePoint.pValue");
        assertTrue(p < 0.05, "the monthly PBC incidents change significantly, p = " + p);
        assertTrue(note.contains("Change point after " + t.getString("changePoint.lastPeriodBefore") + ": mean"), note);
        int anomalies = t.getList("anomalies").size();
        if (anomalies > 0) {
            assertEquals(
                    anomalies,
                    dataset("Anomaly").stream().filter(v -> !v.isNaN()).count());
        }
        // the hotspot table: the API's ranking, rising districts flagged, rate ratio and CI shown
        JsonPath h = given().get("/api/v1/hotspots?metric=incidents&by=district&granularity=month&" + filter)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        List<Map<String, Object>> ranked = h.getList("ranked");
        List<WebElement> hot = driver.findElements(By.cssSelector("#hotspots tbody tr"));
        assertEquals(Math.min(20, ranked.size()), hot.size());
        for (int i = 0; i < hot.size(); i++) {
            Map<String, Object> r = ranked.get(i);
            List<WebElement> cells = hot.get(i).findElements(By.tagName("td"));
            assertTrue(
                    cells.get(1).getText().startsWith((String) r.get("district")),
                    cells.get(1).getText());
            assertEquals(
                    Boolean.TRUE.equals(r.get("rising")), cells.get(1).getText().contains("rising"));
            assertTrue(
                    cells.get(1).getText().endsWith("since " + r.get("currentFrom")),
                    cells.get(1).getText());
            @SuppressWarnings("unchecked")
            Map<String, Object> rr = (Map<String, Object>) r.get("rateRatioPer12");
            assertEquals(
                    String.format(Locale.ROOT, "×%.2f", ((Number) rr.get("estimate")).doubleValue()),
                    cells.get(2).getText());
            List<?> ci = (List<?>) rr.get("ci95");
            assertEquals(
                    String.format(
                            Locale.ROOT,
                            "%.2f–%.2f",
                            ((Number) ci.get(0)).doubleValue(),
                            ((Number) ci.get(1)).doubleValue()),
                    cells.get(3).getText());
        }
    }

    @Test
    void fitsAPhoneWidthAndIsServedWithAStrictCsp() {
        given().get("/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"));
        driver.manage().window().setSize(new Dimension(390, 844));
        open("?dataset=pbc-suicide");
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "page scrolls sideways by " + overflow + " px");
        assertEquals(Boolean.TRUE, js("return !!Chart.getChart(document.getElementById('chart-series'))"));
        // every control can be reached with the keyboard
        List<?> unreachable = (List<?>) js("return [...document.querySelectorAll('#filters select, #filters input,"
                + " #filters button')].filter(e => e.tabIndex < 0 || e.disabled).map(e => e.id)");
        assertTrue(unreachable.isEmpty(), unreachable.toString());
    }

    // ---------------------------------------------------------------- helpers

    private void waitReady() {
        browser.waitReady();
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private long tileValue(String metric) {
        return Long.parseLong(driver.findElement(By.cssSelector("#tile-" + metric + " .value"))
                .getDomAttribute("data-value"));
    }

    private String selected(String id) {
        return (String) driver.findElement(By.id(id)).getDomProperty("value");
    }

    private List<Double> chartData(String canvas, int dataset) {
        Object data = js(
                "const c = Chart.getChart(document.getElementById(arguments[0]));"
                        + " return c ? c.data.datasets[arguments[1]].data : null",
                canvas,
                dataset);
        assertNotNull(data, "no chart on " + canvas);
        return numbers((List<?>) data);
    }

    /** The observed series (dataset 0) of the time chart; forecast periods after it hold no observation. */
    private List<Double> observed(int n) {
        List<Double> all = chartData("chart-series", 0);
        assertTrue(all.subList(n, all.size()).stream().allMatch(v -> v.isNaN()), all.toString());
        return all.subList(0, n);
    }

    private List<Double> dataset(String label) {
        Object data = js(
                "const c = Chart.getChart(document.getElementById('chart-series'));"
                        + " const d = c.data.datasets.find(x => x.label === arguments[0]); return d ? d.data : null",
                label);
        assertNotNull(data, "no dataset " + label);
        return numbers((List<?>) data);
    }

    private static long daysBetween(String from, String to) {
        return ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to)) + 1;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
