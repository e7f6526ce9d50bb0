package org.militrend.rollup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.militrend.incident.DataVersion;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/**
 * Every contract query answered twice, from the rollups and from the incidents
 * ({@code militrend.rollup.read} switched off in the running service), must give the same bytes:
 * aggregates over every dimension and combinations of them, every metric with unknowns and
 * per-capita figures, every filter, ranges of whole months, cutting months, and none, weeks,
 * trends, hotspots, monthly reports and datasets. The data: the bundled Pakistan Body Count
 * file and news fixture, and seeded random incidents with unknown counts, year- and
 * month-dated rows, and places known only to their province or their division (Karachi).
 * Where the rollups can answer, the test also sees that one did.
 */
@QuarkusTest
class RollupReadTest {

    private static final String METRICS =
            "incidents,killed,injured,casualties,killedCivilians,killedSecurityForces," + "killedMilitants";
    private static final List<String> GROUP_BYS = List.of(
            "",
            "province",
            "district",
            "division",
            "region",
            "eventType",
            "actor",
            "dataset",
            "category",
            "year",
            "quarter",
            "month",
            "week",
            "district,month",
            "province,year",
            "division,quarter",
            "region,month",
            "eventType,actor,year",
            "dataset,category,month",
            "district,eventType",
            "province,district,quarter",
            "actor,dataset,week");
    private static final List<String> FILTERS = List.of(
            "",
            "dataset=bw-complete",
            "province=Balochistan",
            "district=Bannu,Quetta",
            "division=PK-SD-DIV-KARACHI",
            "district=Bannu&division=PK-SD-DIV-KARACHI",
            "category=suicide-attack,armed-attack",
            "eventType=attack",
            "actor=TTP,Security%20forces",
            "region=former-fata",
            "region=non-fata&province=KP",
            "dataset=bw-complete,bw-partial&province=KP&eventType=Suicide%20bombing");
    /** Whole months; months cut where incidents lie in the cut days; none (the data's own range). */
    private static final String WHOLE = "from=2016-01-01&to=2019-12-31";

    private static final String CUT = "from=2016-01-15&to=2019-12-20";
    private static final List<String> RANGES = List.of("", WHOLE, CUT, "from=2017-03-01&to=2017-03-31");

    private static final String[][] PLACES = {
        {"Khyber Pakhtunkhwa", "Bannu"},
        {"Khyber Pakhtunkhwa", "Peshawar"},
        {"Khyber Pakhtunkhwa", "Khyber"},
        {"Khyber Pakhtunkhwa", "North Waziristan"},
        {"Khyber Pakhtunkhwa", ""},
        {"Balochistan", "Quetta"},
        {"Balochistan", ""},
        {"Punjab", "Lahore"},
        {"Sindh", "Karachi"},
        {"Sindh", "Karachi Central"},
        {"Islamabad", "Islamabad"}
    };
    private static final String[] TYPES = {"Attack", "attack", "Suicide bombing", "Drone strike", "Clash", ""};
    private static final String[] ACTORS = {"TTP", "BLA", "", "Security forces"};
    private static final RandomNativeRows ROWS =
            new RandomNativeRows(PLACES, TYPES, ACTORS, new String[] {"day", "day", "day", "week", "month", "year"});

    private static boolean loaded;

    @Inject
    RollupReads reads;

    @Inject
    DataVersion dataVersion;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        Api.importCsv(SharedData.pbcBytes(), "format=pbc-suicide").statusCode(anyOf(is(200), is(201)));
        Api.importCsv(fixture(), "format=native&dataset=news-fixture").statusCode(anyOf(is(200), is(201)));
        Random random = new Random(20261130);
        // incidents in the days a cut range leaves out, so that it cannot be widened to whole months
        String edges = "edge-1,2016-01-05,day,Khyber Pakhtunkhwa,Bannu,Attack,TTP,2,,,,1\n"
                + "edge-2,2019-12-28,day,Balochistan,Quetta,Clash,BLA,,,,,3\n";
        Api.importCsv(
                        RandomNativeRows.HEADER + "\n" + edges + rows(random, "c", 400, 2014, 7),
                        "format=native&dataset=bw-complete" + "&complete=true")
                .statusCode(anyOf(is(200), is(201)));
        Api.importCsv(
                        RandomNativeRows.HEADER + "\n" + rows(random, "p", 200, 2016, 4),
                        "format=native&dataset=bw-partial&complete=false")
                .statusCode(anyOf(is(200), is(201)));
        loaded = true;
    }

    @AfterEach
    void readRollups() {
        reads.setEnabled(true);
    }

    /**
     * Every dimension with every range, every filter with four groupings (rotating), and the
     * other endpoints: about 180 queries, each asked twice.
     */
    static Stream<Arguments> queries() {
        List<Arguments> out = new ArrayList<>();
        int n = 0;
        for (String groupBy : GROUP_BYS) {
            for (String range : RANGES) {
                if (groupBy.contains("week") && range.isEmpty()) {
                    continue; // weeks over the whole suite's data (1994-2025) exceed the 100,000-row limit
                }
                out.add(aggregate(groupBy, "", range, n++));
            }
        }
        for (int f = 0; f < FILTERS.size(); f++) {
            for (int k = 0; k < 4; k++) {
                out.add(aggregate(GROUP_BYS.get((f * 4 + k * 5) % GROUP_BYS.size()), FILTERS.get(f), WHOLE, n++));
            }
        }
        out.add(Arguments.of(url("/api/v1/aggregates", "groupBy=district,month", WHOLE), true));
        out.add(Arguments.of(url("/api/v1/aggregates", "groupBy=district&sort=-killed&limit=5", WHOLE), true));
        out.add(Arguments.of(
                url("/api/v1/aggregates", "groupBy=province,month&format=csv&unknowns=true", WHOLE), true));
        out.add(Arguments.of(url("/api/v1/aggregates", "groupBy=district,year&dataset=pbc-suicide"), true));
        List<String> trendFilters = List.of("", "dataset=bw-complete", "district=Bannu", "province=Balochistan");
        List<String> granularities = List.of("month", "quarter", "year", "week");
        int t = 0;
        for (String metric : List.of("incidents", "killed", "casualties", "killedCivilians")) {
            for (String granularity : granularities) {
                out.add(Arguments.of(
                        url(
                                "/api/v1/trends",
                                "metric=" + metric + "&granularity=" + granularity + "&forecast=3",
                                trendFilters.get(t++ % trendFilters.size()),
                                WHOLE),
                        !granularity.equals("week")));
            }
        }
        out.add(Arguments.of(url("/api/v1/trends", "metric=incidents&dataset=pbc-suicide"), true));
        out.add(Arguments.of(url("/api/v1/trends", "metric=killed&dataset=bw-complete&seasonal=true", WHOLE), true));
        int h = 0;
        for (String metric : List.of("incidents", "killed")) {
            for (String by : List.of("district", "province")) {
                for (String granularity : List.of("month", "year", "week")) {
                    out.add(Arguments.of(
                            url(
                                    "/api/v1/hotspots",
                                    "metric=" + metric + "&by=" + by + "&granularity=" + granularity,
                                    h++ % 2 == 0 ? "" : "dataset=bw-complete",
                                    WHOLE),
                            !granularity.equals("week")));
                }
            }
        }
        out.add(Arguments.of(url("/api/v1/hotspots", "metric=incidents&dataset=pbc-suicide&period=whole"), true));
        for (String month : List.of("2017-03", "2019-06", "2016-01")) {
            for (String filter : List.of("", "dataset=bw-complete", "province=KP", "format=csv")) {
                out.add(Arguments.of(url("/api/v1/reports/monthly", "month=" + month, filter), true));
            }
        }
        out.add(Arguments.of("/api/v1/datasets", false));
        out.add(Arguments.of("/api/v1/datasets/bw-complete", false));
        out.add(Arguments.of("/api/v1/datasets/pbc-suicide", false));
        return out.stream();
    }

    /** {@code path} with the non-empty parts as its query. */
    private static String url(String path, String... parts) {
        return path + "?"
                + String.join("&", Stream.of(parts).filter(p -> !p.isEmpty()).toList());
    }

    /**
     * An aggregate with every metric and its unknowns, per-capita figures on every other query;
     * the rollups can answer unless it groups by week or cuts months holding incidents.
     */
    private static Arguments aggregate(String groupBy, String filter, String range, int n) {
        String url = url(
                "/api/v1/aggregates",
                groupBy.isEmpty() ? "" : "groupBy=" + groupBy,
                "metrics=" + METRICS + "&unknowns=true",
                n % 2 == 0 ? "perCapita=true" : "",
                filter,
                range);
        boolean rollup = !groupBy.contains("week") && !range.equals(CUT);
        return Arguments.of(url, rollup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersFromTheRollupsEqualAnswersFromTheIncidents(String url, boolean rollupCanAnswer) {
        reads.setEnabled(true);
        forgetCachedAnswers();
        long before = rollupReads();
        String fromRollups = get(url);
        if (rollupCanAnswer) {
            assertTrue(rollupReads() > before, "no rollup answered " + url);
        }
        reads.setEnabled(false);
        forgetCachedAnswers();
        long off = rollupReads();
        String fromIncidents = get(url);
        assertEquals(off, rollupReads(), "a rollup was read while switched off: " + url);
        assertEquals(fromIncidents, fromRollups, url);
    }

    @Test
    void aRangeCuttingMonthsThatHoldIncidentsIsReadFromTheIncidents() {
        forgetCachedAnswers();
        long before = rollupReads();
        String cut = get("/api/v1/aggregates?groupBy=district,month&" + CUT);
        assertEquals(before, rollupReads(), "the cut days hold incidents: no rollup may answer");
        // the same months whole do differ: they hold the two incidents of the cut days
        String whole = get("/api/v1/aggregates?groupBy=district,month&" + WHOLE);
        assertTrue(rollupReads() > before);
        assertTrue(!cut.equals(whole));
    }

    @Test
    void theSmallestRollupWithTheQuerysColumnsAnswers() {
        forgetCachedAnswers();
        long places = reads.answeredFrom(RollupTable.PLACE);
        long full = reads.answeredFrom(RollupTable.FULL);
        get("/api/v1/aggregates?groupBy=district,month&dataset=bw-complete&" + WHOLE);
        assertTrue(reads.answeredFrom(RollupTable.PLACE) > places, "district,month from the places rollup");
        assertEquals(full, reads.answeredFrom(RollupTable.FULL), "district,month needs no event type or actor");
        places = reads.answeredFrom(RollupTable.PLACE);
        get("/api/v1/aggregates?groupBy=district,month&eventType=attack&" + WHOLE);
        assertTrue(reads.answeredFrom(RollupTable.FULL) > full, "an event type filter needs the full rollup");
        assertEquals(places, reads.answeredFrom(RollupTable.PLACE));
    }

    private long rollupReads() {
        return reads.answeredFrom(RollupTable.PLACE) + reads.answeredFrom(RollupTable.FULL);
    }

    /** A new data version: every cached answer and ETag of the service is stale. */
    private void forgetCachedAnswers() {
        QuarkusTransaction.requiringNew().run(dataVersion::bump);
    }

    private static String get(String url) {
        return given().get(url).then().statusCode(200).extract().asString();
    }

    /** {@code n} rows keyed {@code prefix}0.. over {@code years} years from {@code firstYear}. */
    private static String rows(Random random, String prefix, int n, int firstYear, int years) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            csv.append(ROWS.row(random, prefix + i, firstYear, years)).append('\n');
        }
        return csv.toString();
    }

    private static byte[] fixture() {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/news-fixture.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
