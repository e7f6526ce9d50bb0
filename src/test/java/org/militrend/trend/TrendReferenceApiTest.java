package org.militrend.trend;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.militrend.testing.Api;

/**
 * Every reference series imported as native incidents exactly as contract-check does (one district
 * per series, one row per event dated the 15th, dataset ref-NAME), then /api/v1/trends over HTTP
 * against the R figures. The exposure series is covered by {@link TrendExposureTest} (an offset is
 * not something incidents carry).
 */
@QuarkusTest
class TrendReferenceApiTest {

    private static final String[] DISTRICTS = {"Bannu", "Quetta", "Peshawar", "Swat", "Kohat", "Khyber"};

    static Stream<RefSeries> series() {
        return RefSeries.all().stream().filter(s -> s.exposure() == null);
    }

    /** contract-check's district: the position among ALL series, sorted by name. */
    static String district(RefSeries s) {
        List<String> names = RefSeries.all().stream().map(RefSeries::name).toList();
        return DISTRICTS[names.indexOf(s.name()) % DISTRICTS.length];
    }

    static JsonNode trends(RefSeries s, boolean seasonal) throws IOException {
        String district = district(s);
        // as contract-check does: a native dataset is incomplete unless declared, so declare it
        // complete over the whole series (its zero months are true zeros)
        String last = s.periods().get(s.periods().size() - 1);
        Api.importCsv(
                        s.nativeCsv(district),
                        "format=native&dataset=ref-" + s.name() + "&complete=true&coverageFrom="
                                + s.periods().get(0) + "-01&coverageTo="
                                + YearMonth.parse(last).atEndOfMonth())
                .statusCode(201);
        String body = given().queryParam("metric", "incidents")
                .queryParam("district", district)
                .queryParam("dataset", "ref-" + s.name())
                .queryParam("from", s.periods().get(0) + "-01")
                .queryParam("to", s.periods().get(s.periods().size() - 1) + "-28")
                .queryParam("granularity", "month")
                .queryParam("forecast", 6)
                .queryParam("seasonal", seasonal)
                .when()
                .get("/api/v1/trends")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        return RefSeries.JSON.readTree(body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void everyFigureMatchesR(RefSeries s) throws IOException {
        s.compare(trends(s, false), false);
    }

    /** seasonal=true adds the month effects and moves the forecast to the seasonal model. */
    @ParameterizedTest(name = "{0} seasonal")
    @MethodSource("series")
    void seasonalFiguresMatchR(RefSeries s) throws IOException {
        s.compare(trends(s, true), true);
    }
}
