package org.militrend.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * The time chart's regimes, the current trend's caption, the forecast's prediction band and the
 * change point, in a real headless Chromium: every figure drawn is checked against /trends and
 * /hotspots as the API answers them.
 */
@QuarkusTest
@Tag("browser")
class DashboardTrendBrowserTest extends BrowserTestSupport {

    private static final String HEADER = "external_id,date,province,district,event_type,actor,killed,injured";

    @Override
    int windowHeight() {
        return 1000;
    }

    @Test
    void theChartDrawsEveryRegimeAndCaptionsTheCurrentTrend() {
        open("?dataset=pbc-suicide&granularity=month&metric=incidents&range=all");
        JsonPath t = trends("metric=incidents&granularity=month&dataset=pbc-suicide");
        List<Map<String, Object>> segments = t.getList("segments");
        assertEquals(5, segments.size(), "the monthly PBC incidents fall into five regimes");
        // one drawn piece per regime: the earlier ones and the highlighted current one
        List<?> labels = (List<?>) browser.js("return window.militrend.charts.series.data.datasets"
                + ".map(d => d.label).filter(l => l.startsWith('Earlier trend') || l.startsWith('Current trend'))");
        String currentLabel = "Current trend (since " + t.getString("current.from") + ")";
        assertEquals(segments.size(), labels.size(), labels.toString());
        assertEquals(currentLabel, labels.get(labels.size() - 1));
        List<String> periods = strings(t.getList("periods"));
        for (int s = 0; s < segments.size(); s++) {
            List<Double> fitted = numbers(t.getList("segments[" + s + "].fitted"));
            List<Double> drawn = dataset(String.valueOf(labels.get(s)));
            int from = periods.indexOf(t.getString("segments[" + s + "].from"));
            for (int i = 0; i < fitted.size(); i++) {
                assertEquals(fitted.get(i), drawn.get(from + i), 1e-9, "segment " + s + " fitted " + i);
            }
        }
        assertEquals(
                3.5,
                ((Number) browser.js(
                                "return window.militrend.charts.series.data.datasets"
                                        + ".find(d => d.label === arguments[0]).borderWidth",
                                currentLabel))
                        .doubleValue());
        // the caption in words, with the API's verdict, start and rate ratio per year
        String caption = part("current");
        assertEquals(
                "Current trend: " + t.getString("current.verdict") + " since " + t.getString("current.from") + ": "
                        + perYear(t, "current.rateRatioPerYear") + ".",
                caption);
        assertEquals("Current trend: no clear change since 2014-04: ×1.00 per year, 95 % CI 0.77–1.29.", caption);
        // the forecast is the current regime's: mean, inner CI of the mean, outer prediction band
        assertEquals("current-segment poisson", t.getString("forecastModel"));
        assertTail(numbers(t.getList("current.forecast.mean")), dataset("Forecast"));
        assertTail(numbers(t.getList("current.forecast.upper")), dataset("Forecast: 95 % CI of the mean"));
        assertTail(
                numbers(t.getList("current.forecast.predictionUpper")), dataset("Forecast: 95 % prediction interval"));
        assertTail(numbers(t.getList("current.forecast.predictionLower")), dataset("Prediction lower"));
        assertTrue(
                part("forecast")
                        .startsWith("Forecast from the current trend (Poisson fit since 2014-04): 6 months"
                                + " of incidents per month; outer band 95 % prediction interval"),
                part("forecast"));
        List<?> legend = (List<?>) browser.js(
                "const c = window.militrend.charts.series;" + " return c.legend.legendItems.map(i => i.text)");
        assertTrue(legend.contains("Forecast: 95 % prediction interval"), legend.toString());
        assertTrue(legend.contains("Forecast: 95 % CI of the mean"), legend.toString());
        assertTrue(!legend.contains("Prediction lower") && !legend.contains("Mean lower"), legend.toString());
    }

    @Test
    void theYearViewDrawsItsTrendItsSignificantChangePointAndSaysNoHotspotIsSignificant() {
        open("?dataset=pbc-suicide&granularity=year&metric=killed&range=all");
        JsonPath t = trends("metric=killed&granularity=year&dataset=pbc-suicide");
        List<String> periods = strings(t.getList("periods"));
        assertEquals(
                periods,
                strings(((List<?>) browser.js("return window.militrend.charts.series.$periods"))
                        .subList(0, periods.size())));
        List<Double> fitted = numbers(t.getList("segments[1].fitted"));
        List<Double> drawn = dataset("Current trend (since 2006)");
        int from = periods.indexOf("2006");
        assertEquals(11, from);
        for (int i = 0; i < fitted.size(); i++) {
            assertEquals(fitted.get(i), drawn.get(from + i), 1e-9, "fitted " + i);
        }
        assertEquals("Current trend: no clear change since 2006: ×0.93 per year, 95 % CI 0.85–1.01.", part("current"));
        // the whole-series change point (p = 0.0005) is drawn between 2005 and 2006
        assertTrue(t.getDouble("changePoint.pValue") < 0.05);
        assertNotNull(browser.js("return window.militrend.charts.series.config.options.plugins.changePointLine"));
        assertTrue(
                part("changepoint").startsWith("Change point after 2005: mean 25 → 585.33 killed per year"),
                part("changepoint"));
        // no district's yearly change is significant: one line says so, nothing is ranked
        JsonPath h = given().get("/api/v1/hotspots?metric=killed&by=district&granularity=year&dataset=pbc-suicide")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        List<Double> adjusted = numbers(h.getList("ranked.adjustedPValue"));
        assertTrue(adjusted.size() > 20 && adjusted.stream().allMatch(p -> p >= 0.1), adjusted.toString());
        List<?> rows = (List<?>)
                browser.js("return [...document.querySelectorAll('#hotspots tbody tr')]" + ".map(r => r.textContent)");
        assertEquals(
                List.of("No district's change in rate is significant (every adjusted p ≥ 0.1 among " + adjusted.size()
                        + " districts tested): no ranking shown."),
                rows);
        assertTrue(caption().startsWith("Rate ratio per 12 years"), caption());
    }

    @Test
    void aChangePointThatIsNotSignificantIsNotDrawn() {
        // the same count every month: Pettitt's statistic is 0, p = 1
        List<String> rows = new ArrayList<>();
        for (int m = 1; m <= 24; m++) {
            String date = String.format(Locale.ROOT, "%d-%02d-15", 2014 + (m - 1) / 12, (m - 1) % 12 + 1);
            rows.add("flat" + m + "," + date + ",Punjab,Lahore,Bombing,Group F,2,1");
        }
        Api.importCsv(
                        Api.nativeCsv(HEADER, rows.toArray(String[]::new)),
                        "format=native&dataset=dash-flat&complete=true")
                .statusCode(anyOf(is(200), is(201)));
        open("?dataset=dash-flat&granularity=month&metric=killed&range=all");
        JsonPath t = trends("metric=killed&granularity=month&dataset=dash-flat");
        assertTrue(t.get("changePoint") == null || t.getDouble("changePoint.pValue") >= 0.05, t.prettify());
        assertNull(browser.js("return window.militrend.charts.series.config.options.plugins.changePointLine"));
        assertTrue(part("changepoint").startsWith("No change point found"), part("changepoint"));
        assertEquals(1, t.getList("segments").size());
        assertEquals(
                "Current trend (since 2014-01)",
                String.valueOf(browser.js("return window.militrend.charts"
                        + ".series.data.datasets.find(d => d.label.startsWith('Current trend')).label")));
        // the hotspot caption names the view's periods
        assertTrue(caption().startsWith("Rate ratio per 12 months"), caption());
    }

    @Test
    void theQuarterlyHotspotCaptionSaysQuarters() {
        open("?dataset=pbc-suicide&granularity=quarter&metric=incidents&range=all");
        assertTrue(caption().startsWith("Rate ratio per 12 quarters"), caption());
        JsonPath t = trends("metric=incidents&granularity=quarter&dataset=pbc-suicide");
        assertEquals(
                "Current trend: " + t.getString("current.verdict") + " since " + t.getString("current.from") + ": "
                        + perYear(t, "current.rateRatioPerYear") + ".",
                part("current"));
    }

    // ---------------------------------------------------------------- helpers

    /** /trends as the dashboard asks it (6 periods, forecast of the current regime) over the view's range. */
    private static JsonPath trends(String query) {
        String filters = query.replaceAll(".*(dataset=[^&]*).*", "$1");
        JsonPath extent = given().urlEncodingEnabled(false)
                .get("/api/v1/aggregates?" + filters)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return given().urlEncodingEnabled(false)
                .get("/api/v1/trends?forecast=6&forecastFrom=current&from=" + extent.getString("query.from") + "&to="
                        + extent.getString("query.to") + "&" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
    }

    private String part(String kind) {
        Object text = browser.js(
                "const p = document.querySelector('#series-note [data-part=\"' + arguments[0] + '\"]');"
                        + " return p ? p.textContent : null",
                kind);
        assertNotNull(text, "no " + kind + " sentence under the chart");
        return (String) text;
    }

    private String caption() {
        return (String) browser.js("return document.querySelector('#hotspots caption').textContent");
    }

    private List<Double> dataset(String label) {
        Object data = browser.js(
                "const d = window.militrend.charts.series.data.datasets.find(x => x.label === arguments[0]);"
                        + " return d ? d.data : null",
                label);
        assertNotNull(data, "no dataset " + label);
        return numbers((List<?>) data);
    }

    /** The forecast points are the last ones of a drawn dataset, equal as doubles. */
    private static void assertTail(List<Double> expected, List<Double> drawn) {
        assertEquals(expected, drawn.subList(drawn.size() - expected.size(), drawn.size()));
    }

    private static String perYear(JsonPath t, String path) {
        return String.format(
                Locale.ROOT,
                "×%.2f per year, 95 %% CI %.2f–%.2f",
                t.getDouble(path + ".estimate"),
                t.getDouble(path + ".ci95[0]"),
                t.getDouble(path + ".ci95[1]"));
    }
}
