package org.militrend.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Coverage and unknowns on the dashboard (issue 9): a period no complete dataset covers is a gap
 * and "not covered", never a drawn 0, and an empty address opens the latest 36 covered months of
 * one complete dataset.
 */
@QuarkusTest
@Tag("browser")
class DashboardCoverageBrowserTest extends BrowserTestSupport {

    @Override
    int windowHeight() {
        return 1000;
    }

    /**
     * The rule of state.js, from /datasets: the complete dataset whose coverage ends last (ties: most
     * incidents), its 36 months up to the end of its coverage. With the bundled data alone that is
     * PBC, 2014-12-01 to 2017-11-30; other test classes may have added a complete dataset that ends
     * later, so the expectation is computed from what the service lists.
     */
    @Test
    void theDefaultViewIsTheLatest36CoveredMonthsOfOneCompleteDataset() {
        List<Map<String, Object>> datasets =
                given().get("/api/v1/datasets").then().extract().jsonPath().getList("$");
        Map<String, Object> chosen = datasets.stream()
                .filter(d -> Boolean.TRUE.equals(d.get("complete")))
                .filter(d -> d.get("coverage") instanceof Map<?, ?> c && c.get("to") != null)
                .filter(d -> ((Number) d.get("incidents")).longValue() > 0)
                .max(Comparator.comparing((Map<String, Object> d) -> coverage(d, "to"))
                        .thenComparing(d -> ((Number) d.get("incidents")).longValue()))
                .orElseThrow();
        LocalDate to = LocalDate.parse(coverage(chosen, "to"));
        LocalDate from = YearMonth.from(to).minusMonths(35).atDay(1);
        LocalDate coverageFrom = LocalDate.parse(coverage(chosen, "from"));
        if (coverageFrom.isAfter(from)) {
            from = coverageFrom;
        }
        // PBC, the bundled complete dataset, ends with November 2017
        Map<String, Object> pbc = datasets.stream()
                .filter(d -> "pbc-suicide".equals(d.get("name")))
                .findFirst()
                .orElseThrow();
        assertEquals("2017-11-30", coverage(pbc, "to"));

        open("");
        String search = (String) browser.js("return location.search");
        assertTrue(search.contains("dataset=" + chosen.get("name")), search);
        assertTrue(search.contains("from=" + from) && search.contains("to=" + to), search);
        List<?> periods =
                (List<?>) browser.js("return Chart.getChart(document.getElementById('chart-series')).$periods");
        long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        // the observed months, then the forecast's
        assertEquals(YearMonth.from(from).toString(), periods.get(0));
        assertEquals(YearMonth.from(to).toString(), periods.get((int) months - 1));
        assertEquals(
                months + " months",
                browser.driver()
                        .findElement(By.cssSelector("#panel-series .status"))
                        .getText());
        assertEquals("custom", browser.driver().findElement(By.id("f-range")).getDomProperty("value"));
    }

    @Test
    void yearsNoCompleteDatasetCoversAreGapsAndNotCovered() {
        open("?dataset=pbc-suicide&granularity=year&range=custom&from=2015-01-01&to=2019-12-31");
        JsonPath api = given().get("/api/v1/aggregates?dataset=pbc-suicide&groupBy=year&from=2015-01-01&to=2019-12-31")
                .then()
                .extract()
                .jsonPath();
        List<Double> drawn = numbers((List<?>)
                browser.js("return Chart.getChart(document.getElementById('chart-series')).data.datasets[0].data"));
        // the chart runs on into the forecast; its first five periods are the five years asked for
        assertTrue(drawn.size() >= 5, drawn.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(api.getDouble("rows[" + i + "].incidents"), drawn.get(i), 1e-9, "covered year " + i);
        }
        assertTrue(drawn.get(3).isNaN() && drawn.get(4).isNaN(), "2018 and 2019 are gaps, not zeros: " + drawn);
        String note = browser.driver().findElement(By.id("series-note")).getText();
        assertTrue(note.contains("2 year(s) are covered by no selected complete dataset"), note);

        // a period wholly outside coverage: the tiles say so instead of comparing with nothing
        open("?dataset=pbc-suicide&range=custom&from=2018-01-01&to=2019-12-31");
        String value = browser.driver()
                .findElement(By.cssSelector("#tile-killed .value"))
                .getText();
        assertEquals("not covered", value);
        assertEquals(
                "not-covered",
                browser.driver().findElement(By.id("tile-killed")).getDomAttribute("data-band"));
        assertFalse(browser.driver().findElement(By.id("tile-killed")).getText().contains("new activity"));
    }

    @Test
    void theComparisonWithAnUncoveredPreviousPeriodSaysNotCovered() {
        // the previous 365 days (1994-07 .. 1995-06) lie before PBC's coverage starts
        open("?dataset=pbc-suicide&range=custom&from=1995-07-01&to=1996-06-30");
        String tile = browser.driver().findElement(By.id("tile-incidents")).getText();
        assertTrue(tile.contains("not covered"), tile);
        assertTrue(tile.contains("no complete dataset covers the previous"), tile);
        assertFalse(tile.contains("vs 0"), tile);
    }

    @Test
    void theYearViewDrawsItsTrendLine() {
        open("?dataset=pbc-suicide&granularity=year&metric=killed&range=custom&from=2000-01-01&to=2017-11-30");
        List<?> labels = (List<?>) browser.js(
                "return Chart.getChart(document.getElementById('chart-series')).data.datasets.map(d => d.label)");
        assertTrue(labels.size() > 1, "only the bars: " + labels);
        assertTrue(labels.stream().anyMatch(l -> String.valueOf(l).toLowerCase().contains("trend")), labels.toString());
    }

    @SuppressWarnings("unchecked")
    private static String coverage(Map<String, Object> dataset, String end) {
        return (String) ((Map<String, Object>) dataset.get("coverage")).get(end);
    }
}
