package org.militrend.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's map, breakdowns, sources side by side, report-ready images and the printable
 * monthly report, in a real headless Chromium over the Pakistan Body Count file and small native
 * datasets: every figure drawn is checked against the API it came from.
 */
@QuarkusTest
@Tag("browser")
class DashboardV2BrowserTest extends BrowserTestSupport {

    private static final String PBC_CITATION = "Zeeshan-ul-hassan Usmani, Pakistan Body Count";
    private static final String SPLIT_HEADER =
            "external_id,date,province,district,event_type,actor,killed,killed_civilians,killed_security_forces,"
                    + "killed_militants,injured";

    @Override
    int windowHeight() {
        return 1000;
    }

    // ---------------------------------------------------------------- map

    @Test
    void theMapDrawsEveryUnitWithTheApisValuesInTheLegendsBins() {
        open("?dataset=pbc-suicide&metric=killed");
        List<WebElement> units = driver().findElements(By.cssSelector("#map svg path"));
        assertEquals(144, units.size());
        Map<String, Double> expected = unitValues("killed", "dataset=pbc-suicide&" + range("dataset=pbc-suicide"));
        Map<String, Double> drawn = new HashMap<>();
        for (WebElement u : units) {
            drawn.put(u.getDomAttribute("data-unit"), Double.valueOf(u.getDomAttribute("data-value")));
        }
        assertEquals(expected, drawn);
        assertTrue(expected.get("bannu") > 0, "Bannu has suicide attacks in the file");
        assertLegendHolds(units);

        // per 100,000 people: a unit of one district shows the API's own rate
        open("?dataset=pbc-suicide&metric=killed&perCapita=1");
        JsonPath perCapita = aggregates(
                "groupBy=district&metrics=killed&perCapita=true&dataset=pbc-suicide&" + range("dataset=pbc-suicide"));
        double quetta = perCapita.getDouble("rows.find { it.districtCode == 'PK-BA-QUETTA' }.killedPer100k");
        assertEquals(quetta, unitValue("quetta"), 1e-9 * quetta);
        double lahore = perCapita.getDouble("rows.find { it.districtCode == 'PK-PB-LAHORE' }.killedPer100k");
        assertEquals(lahore, unitValue("lahore"), 1e-9 * lahore);
        // no census population in Gilgit-Baltistan: no rate, said in the legend
        assertEquals("", unit("gilgit").getDomAttribute("data-value"));
        assertEquals("-1", unit("gilgit").getDomAttribute("data-bin"));
        assertLegendHolds(driver().findElements(By.cssSelector("#map svg path")));
        String caption = driver().findElement(By.id("panel-map")).getText();
        assertTrue(caption.contains("Boundaries are schematic and of 2017"), caption);
    }

    @Test
    void clickingBannuOnTheMapFiltersThePageToBannuAndEnterDoesTheSame() {
        open("?dataset=pbc-suicide");
        WebElement bannu = unit("bannu");
        assertTrue(((String) browser.js("return arguments[0].querySelector('title').textContent", bannu))
                .startsWith("Bannu: "));
        bannu.click();
        browser.waitReady();
        assertTrue(driver().getCurrentUrl().contains("district=Bannu"), driver().getCurrentUrl());
        assertEquals("Bannu", driver().findElement(By.id("f-district")).getDomProperty("value"));
        JsonPath api = aggregates("dataset=pbc-suicide&district=Bannu&" + range("dataset=pbc-suicide&district=Bannu"));
        assertEquals(api.getLong("totals.incidents"), tileValue("incidents"));
        List<WebElement> rows = driver().findElements(By.cssSelector("#incidents tbody tr[data-id]"));
        assertFalse(rows.isEmpty());
        for (WebElement r : rows) {
            assertEquals("Bannu", r.findElements(By.tagName("td")).get(2).getText());
        }
        assertTrue(unit("bannu").getDomAttribute("class").contains("picked"));
        assertNull(browser.js("return Chart.getChart(document.getElementById('chart-ranking')) || null"));

        // the keyboard reaches every unit, and Enter filters as a click does
        assertEquals(
                0L,
                browser.js("return [...document.querySelectorAll('#map path')].filter(p => p.tabIndex !== 0).length"));
        browser.js("arguments[0].focus()", unit("peshawar"));
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitReady();
        assertTrue(driver().getCurrentUrl().contains("district=Peshawar"), driver().getCurrentUrl());
    }

    // ---------------------------------------------------------------- breakdowns

    @Test
    void breakdownsAddUpToTheTotals() {
        Api.importCsv(
                        Api.nativeCsv(
                                SPLIT_HEADER,
                                "s1,2016-01-10,Punjab,Lahore,Bombing,Group A,10,4,3,1,2",
                                "s2,2016-02-11,Khyber Pakhtunkhwa,Peshawar,Armed attack,Group B,5,,,,1",
                                "s3,2016-03-12,Khyber Pakhtunkhwa,Bannu,Armed attack,,2,2,,,0"),
                        "format=native&dataset=dash-split")
                .statusCode(anyOf(is(200), is(201)));
        open("?dataset=dash-split&metric=killed");
        // 17 killed: 6 civilians, 3 security forces, 1 militant and 7 that no source attributes
        assertEquals(6L, splitValue("killedCivilians"));
        assertEquals(3L, splitValue("killedSecurityForces"));
        assertEquals(1L, splitValue("killedMilitants"));
        assertEquals(7L, splitValue("unattributed"));
        assertEquals(17L, splitValue("killed"));
        assertEquals(List.of(2.0, 1.0), chartData("chart-events", 0)); // incidents, the most frequent kind first
        assertEquals(List.of(7.0, 10.0), chartData("chart-events", 1));
        assertEquals(List.of("Armed attack", "Bombing"), chartLabels("chart-events"));
        assertEquals(List.of("Group A", "Group B", "Actor not recorded"), chartLabels("chart-actors"));
        assertEquals(List.of(10.0, 5.0, 2.0), chartData("chart-actors", 0));

        Api.importCsv(
                        Api.nativeCsv(SPLIT_HEADER, "n1,2016-04-01,Punjab,Lahore,Bombing,Group C,6,,,,3"),
                        "format=native&dataset=dash-nosplit")
                .statusCode(anyOf(is(200), is(201)));
        open("?dataset=dash-nosplit&metric=killed");
        // API.md: a sum over counts that are all unknown is null, which the page shows as "n/a" with
        // the number of incidents that lack the figure (the one incident of dash-nosplit)
        JsonPath civilians = aggregates("metrics=killedCivilians&dataset=dash-nosplit");
        assertNull(civilians.get("totals.killedCivilians"));
        assertEquals(1, civilians.getInt("totals.unknown.killedCivilians"));
        assertEquals("n/a (1 incident lacks the figure)", splitCell("killedCivilians"));
        assertEquals(6L, splitValue("unattributed"));

        // the real file: the charts' sums are the totals of the view
        open("?dataset=pbc-suicide&metric=killed");
        JsonPath totals = aggregates("metrics=incidents,killed&dataset=pbc-suicide&" + range("dataset=pbc-suicide"));
        assertEquals(totals.getDouble("totals.incidents"), sum(chartData("chart-events", 0)), 1e-9);
        assertEquals(totals.getDouble("totals.killed"), sum(chartData("chart-events", 1)), 1e-9);
        assertEquals(totals.getDouble("totals.killed"), sum(chartData("chart-actors", 0)), 1e-9);
        assertEquals(totals.getLong("totals.killed"), splitValue("killed"));
    }

    // ---------------------------------------------------------------- sources

    @Test
    void sourcesAreSetSideBySideOnlyWhenTheViewHoldsSeveral() {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,province,district,event_type,killed,injured",
                                "t1,2015-03-01,Punjab,Lahore,Bombing,3,4",
                                "t2,2015-07-09,Khyber Pakhtunkhwa,Bannu,Bombing,2,0",
                                "t3,2016-01-20,Sindh,Karachi East,Armed attack,1,1"),
                        "format=native&dataset=dash-second")
                .statusCode(anyOf(is(200), is(201)));
        open("?dataset=pbc-suicide&granularity=year");
        assertNull(browser.js("return Chart.getChart(document.getElementById('chart-sources')) || null"));
        String status =
                driver().findElement(By.cssSelector("#panel-sources .status")).getText();
        assertTrue(status.startsWith("One dataset in this view (pbc-suicide)"), status);

        open("?dataset=pbc-suicide,dash-second&granularity=year&metric=killed");
        List<?> names = (List<?>) browser.js(
                "return Chart.getChart(document.getElementById('chart-sources')).data.datasets.map(d => d.label)");
        assertEquals(2, names.size());
        // each legend entry says how complete the dataset is and what it covers (dash-second's
        // default coverage: the months of its first and last event)
        assertEquals("dash-second (not complete, covers 2015-03-01 to 2016-01-31)", names.get(0));
        assertTrue(((String) names.get(1)).startsWith("pbc-suicide (complete, covers 1995-"), names.toString());
        // the chart is drawn over the months both cover, where a difference is a disagreement
        // between the sources rather than one of them having stopped recording
        assertEquals(
                List.of(2015L, 2016L),
                browser.js("return Chart.getChart(document.getElementById('chart-sources')).data.labels"
                        + ".map(d => new Date(d).getFullYear())"));
        JsonPath per = aggregates(
                "groupBy=dataset&metrics=killed&dataset=pbc-suicide,dash-second&from=2015-03-01&to=2016-01-31");
        assertEquals(6.0, sum(chartData("chart-sources", 0)), 1e-9);
        assertEquals(
                per.getDouble("rows.find { it.dataset == 'pbc-suicide' }.killed"),
                sum(chartData("chart-sources", 1)),
                1e-9);
        String caption =
                driver().findElement(By.cssSelector("#panel-sources .status")).getText();
        assertTrue(caption.startsWith("2 datasets over the 2015-03-01 to 2016-01-31 they all cover"), caption);
    }

    // ---------------------------------------------------------------- exports

    @Test
    void aPngDownloadCarriesTitleFiltersDatesAndAttribution() throws IOException {
        open("?dataset=pbc-suicide&province=Punjab&granularity=year");
        String[] range = extent("dataset=pbc-suicide&province=Punjab");
        WebElement link = driver().findElement(By.id("png-series"));
        List<String> lines = List.of(link.getDomAttribute("data-caption").split("\n"));
        assertEquals("Incidents per year", lines.get(0));
        assertEquals("Filters: province: Punjab; dataset: pbc-suicide", lines.get(1));
        assertEquals("Dates: " + range[0] + " to " + range[1] + " (data up to " + range[1] + ")", lines.get(2));
        assertTrue(String.join(" ", lines).contains("Sources: " + PBC_CITATION), lines.toString());

        // the image is made when the link is about to be used, not when the chart is drawn
        assertEquals("#", link.getDomAttribute("href"));
        // read the image back: the chart with a band of text above it and one below it
        String href = browser.madeHref("png-series");
        assertEquals(lines, List.of(link.getDomAttribute("data-caption").split("\n")), "drawn caption = offered one");
        BufferedImage png = ImageIO.read(
                new ByteArrayInputStream(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1))));
        long canvasHeight = (Long) browser.js("return document.getElementById('chart-series').height");
        long canvasWidth = (Long) browser.js("return document.getElementById('chart-series').width");
        assertEquals(canvasWidth, png.getWidth());
        assertTrue(png.getHeight() > canvasHeight + 60, png.getHeight() + " vs " + canvasHeight);
        int head = Integer.parseInt(link.getDomAttribute("data-head-height"));
        assertTrue(darkPixels(png, 0, head) > 200, "no title text drawn above the chart");
        assertTrue(darkPixels(png, head + (int) canvasHeight + 5, png.getHeight()) > 200, "no attribution drawn below");
        // the map too: its units and legend drawn under the same caption
        WebElement map = driver().findElement(By.id("png-map"));
        assertTrue(
                map.getDomAttribute("data-caption").startsWith("Incidents by district (2017 map units, schematic)\n"));
        String mapHref = browser.madeHref("png-map");
        BufferedImage mapPng = ImageIO.read(
                new ByteArrayInputStream(Base64.getDecoder().decode(mapHref.substring(mapHref.indexOf(',') + 1))));
        assertEquals(900, mapPng.getWidth());
        int mapHead = Integer.parseInt(map.getDomAttribute("data-head-height"));
        assertTrue(darkPixels(mapPng, 0, mapHead) > 200, "no title text drawn above the map");
        assertTrue(colouredPixels(mapPng, mapHead, mapPng.getHeight()) > 3_000, "no map units drawn");
        for (String id : List.of("png-ranking", "png-events", "png-actors", "png-map")) {
            String caption = driver().findElement(By.id(id)).getDomAttribute("data-caption");
            assertTrue(
                    caption.contains("Filters: province: Punjab") && caption.contains(PBC_CITATION),
                    id + ": " + caption);
        }
    }

    @Test
    void thePrintableReportHasItsTitleChartAndIncidentList() {
        JsonPath busiest = aggregates("groupBy=month&metrics=incidents&dataset=pbc-suicide&sort=-incidents&limit=1");
        String month = busiest.getString("rows[0].month");
        YearMonth ym = YearMonth.parse(month);
        browser.open(base() + "reports/monthly/" + month + "?dataset=pbc-suicide");
        String title = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear();
        assertEquals(
                "Militant violence in " + title,
                driver().findElement(By.tagName("h1")).getText());

        JsonPath months = aggregates("groupBy=month&metrics=incidents,killed&dataset=pbc-suicide&from="
                + ym.minusMonths(23).atDay(1) + "&to=" + ym.atEndOfMonth());
        List<WebElement> bars = driver().findElements(By.cssSelector("#report-chart rect.incidents"));
        assertEquals(24, bars.size());
        List<Double> drawn = new ArrayList<>();
        for (WebElement b : bars) {
            drawn.add(Double.valueOf(b.getDomAttribute("data-value")));
        }
        assertEquals(numbers(months.getList("rows.incidents")), drawn);
        assertEquals(month, bars.get(23).getDomAttribute("data-month"));

        JsonPath incidents = given().get("/api/v1/incidents?size=200&dataset=pbc-suicide&from=" + ym.atDay(1) + "&to="
                        + ym.atEndOfMonth())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<WebElement> rows = driver().findElements(By.cssSelector("#report-incidents tr[data-id]"));
        assertEquals(busiest.getInt("rows[0].incidents"), rows.size());
        assertEquals(
                incidents.getList("items.id").stream().map(String::valueOf).toList(),
                rows.stream().map(r -> r.getDomAttribute("data-id")).toList());
    }

    // ---------------------------------------------------------------- small things

    @Test
    void datesAreIsoWhateverTheLocaleAndABadOneIsRefused() {
        open("?dataset=pbc-suicide");
        WebElement from = driver().findElement(By.id("f-from"));
        assertEquals("text", from.getDomAttribute("type"));
        from.clear();
        from.sendKeys("11/19/1995", Keys.TAB);
        assertFalse((Boolean) browser.js("return document.getElementById('f-from').checkValidity()"));
        assertFalse(driver().getCurrentUrl().contains("from="), driver().getCurrentUrl());
        from.clear();
        from.sendKeys("2010-01-01", Keys.TAB);
        browser.waitReady();
        assertTrue(driver().getCurrentUrl().contains("from=2010-01-01"), driver().getCurrentUrl());
        assertTrue(driver().findElement(By.id("range-note")).getText().startsWith("2010-01-01 to "));
    }

    // ---------------------------------------------------------------- helpers

    private org.openqa.selenium.chrome.ChromeDriver driver() {
        return browser.driver();
    }

    private String base() {
        return root.toString().endsWith("/") ? root.toString() : root + "/";
    }

    private WebElement unit(String id) {
        return driver().findElement(By.id("unit-" + id));
    }

    private double unitValue(String id) {
        return Double.parseDouble(unit(id).getDomAttribute("data-value"));
    }

    private long tileValue(String metric) {
        return Long.parseLong(driver().findElement(By.cssSelector("#tile-" + metric + " .value"))
                .getDomAttribute("data-value"));
    }

    private WebElement splitRow(String part) {
        return driver().findElement(By.cssSelector("#killed-split tr[data-part='" + part + "']"));
    }

    private String splitCell(String part) {
        return splitRow(part).findElements(By.tagName("td")).get(1).getText();
    }

    private long splitValue(String part) {
        return Long.parseLong(splitRow(part).getDomAttribute("data-value"));
    }

    /** Every unit's class: 0 alone, positive values inside their class's bounds, and the counts add up. */
    private void assertLegendHolds(List<WebElement> units) {
        Map<String, double[]> bounds = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        double maxHi = 0;
        for (WebElement item : driver().findElements(By.cssSelector("#map-legend .legend-item"))) {
            String bin = item.getDomAttribute("data-bin");
            counts.put(bin, Integer.valueOf(item.getDomAttribute("data-count")));
            if (!bin.equals("-1")) {
                double hi = Double.parseDouble(item.getDomAttribute("data-hi"));
                bounds.put(bin, new double[] {Double.parseDouble(item.getDomAttribute("data-lo")), hi});
                maxHi = Math.max(maxHi, hi);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        double max = 0;
        for (WebElement u : units) {
            String bin = u.getDomAttribute("data-bin");
            seen.merge(bin, 1, Integer::sum);
            if (bin.equals("-1")) {
                continue;
            }
            double v = Double.parseDouble(u.getDomAttribute("data-value"));
            max = Math.max(max, v);
            double[] b = bounds.get(bin);
            assertTrue(v >= b[0] && v <= b[1], u.getDomAttribute("data-unit") + " = " + v + " outside bin " + bin);
        }
        assertEquals(counts, seen);
        assertEquals(max, maxHi, 0.0);
    }

    /** Expected unit values: the API's district sums gathered by the crosswalk the page uses. */
    private Map<String, Double> unitValues(String metric, String query) {
        JsonPath crosswalk = given().get("/map/crosswalk.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> districts = crosswalk.getMap("districts");
        Map<String, String> partOf = crosswalk.getMap("partOf");
        JsonPath api = aggregates("groupBy=district&metrics=" + metric + "&" + query);
        Map<String, Double> byDistrict = new HashMap<>();
        for (Map<String, Object> r : api.<Map<String, Object>>getList("rows")) {
            if (r.get("districtCode") != null) {
                byDistrict.put((String) r.get("districtCode"), ((Number) r.get(metric)).doubleValue());
            }
        }
        Map<String, Double> out = new HashMap<>();
        districts.forEach((code, unit) -> out.merge(unit, byDistrict.getOrDefault(code, 0.0), Double::sum));
        partOf.forEach((unit, code) -> out.merge(unit, byDistrict.getOrDefault(code, 0.0), Double::sum));
        return out;
    }

    private static int darkPixels(BufferedImage img, int fromY, int toY) {
        int n = 0;
        for (int y = Math.max(0, fromY); y < Math.min(img.getHeight(), toY); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels that are not white nor grey: the blues of the map's classes. */
    private static int colouredPixels(BufferedImage img, int fromY, int toY) {
        int n = 0;
        for (int y = Math.max(0, fromY); y < Math.min(img.getHeight(), toY); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if ((rgb & 0xff) - ((rgb >> 16) & 0xff) > 20) {
                    n++;
                }
            }
        }
        return n;
    }

    private List<Double> chartData(String canvas, int dataset) {
        return numbers((List<?>) browser.js(
                "return Chart.getChart(document.getElementById(arguments[0])).data.datasets[arguments[1]].data",
                canvas,
                dataset));
    }

    private List<?> chartLabels(String canvas) {
        return (List<?>) browser.js("return Chart.getChart(document.getElementById(arguments[0])).data.labels", canvas);
    }

    private static double sum(List<Double> values) {
        return values.stream()
                .filter(v -> !v.isNaN())
                .mapToDouble(Double::doubleValue)
                .sum();
    }
}
