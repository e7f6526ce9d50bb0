package org.militrend.aggregate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.militrend.testing.Api;

/**
 * The exact bytes of aggregate answers, JSON and CSV, for queries over every dimension, metric
 * and option, against files captured from the service before rows became typed and streamed: how
 * an answer is built and written may change, what a client receives may not.
 *
 * <p>The data are two generated datasets (seeded, so the same on every run and database): a
 * complete one over 2018-2020 and an incomplete one reaching into 2021, so that answers hold
 * covered, partial and uncovered periods, unknown counts, month-precise dates and incidents known
 * only to their province (all in one province, so no two rows tie on every sort key). To capture
 * the files again after an intended change of the answers, run with {@code -Daggregate.answers.write=true}.
 */
@QuarkusTest
class AggregateAnswerBytesTest {

    private static final String GOLDEN = "aggregate-answers/";
    private static final String BOTH = "dataset=answers-a,answers-b";

    /** The queries, as they follow {@code /api/v1/aggregates?}. */
    static List<String> queries() {
        return List.of(
                BOTH,
                BOTH
                        + "&metrics=incidents,killed,injured,casualties,killedCivilians,killedSecurityForces,killedMilitants",
                BOTH + "&groupBy=month",
                BOTH + "&groupBy=month&from=2017-06-01&to=2021-12-31&unknowns=true",
                BOTH + "&groupBy=week&from=2019-01-01&to=2019-03-31&metrics=incidents,killed",
                BOTH + "&groupBy=quarter&metrics=killed,injured&unknowns=true",
                BOTH + "&groupBy=year&metrics=incidents,casualties",
                BOTH + "&groupBy=district,month&metrics=incidents,killed,injured",
                BOTH + "&groupBy=month,district&metrics=killed&from=2019-01-01&to=2019-06-30",
                BOTH + "&groupBy=district&metrics=incidents,killed,injured&unknowns=true&perCapita=true",
                BOTH + "&groupBy=province&perCapita=true&metrics=incidents,killed,killedCivilians",
                BOTH + "&groupBy=province,year&perCapita=true&unknowns=true",
                BOTH + "&groupBy=district,province&metrics=incidents,killed",
                BOTH + "&groupBy=region&perCapita=true&metrics=incidents,killed,injured",
                BOTH + "&groupBy=region,quarter&metrics=casualties&unknowns=true",
                BOTH + "&groupBy=division&metrics=incidents,killed",
                BOTH + "&groupBy=division,year&unknowns=true",
                BOTH + "&groupBy=eventType&metrics=incidents,killed,injured&sort=-killed",
                BOTH + "&groupBy=actor&metrics=incidents,killed&sort=-incidents&limit=3",
                BOTH + "&groupBy=dataset,year&metrics=incidents",
                BOTH + "&groupBy=category&metrics=incidents,killed,injured&unknowns=true",
                BOTH + "&groupBy=category,actor&sort=-killed,+category",
                BOTH + "&groupBy=district&sort=-killed&limit=5&perCapita=true",
                BOTH + "&groupBy=district&sort=district&metrics=killedMilitants,killedSecurityForces",
                BOTH + "&groupBy=month&perCapita=true",
                BOTH + "&groupBy=province,month&province=KPK&from=2020-01-01&to=2020-12-31&unknowns=true",
                BOTH + "&groupBy=district,year&actor=TTP&eventType=Attack",
                BOTH + "&groupBy=district,month&district=Bannu,Quetta&metrics=incidents,killed,injured,casualties"
                        + "&unknowns=true&perCapita=true",
                BOTH + "&groupBy=year&category=bombing,suicide-attack&unknowns=true",
                "dataset=answers-a&groupBy=month&from=2018-03-15&to=2018-07-10",
                "dataset=answers-b&groupBy=year,district&unknowns=true",
                "dataset=answers-a&region=former-fata&groupBy=district,quarter",
                "dataset=answers-none&groupBy=district,month",
                "dataset=answers-none",
                BOTH + "&groupBy=month&from=2024-01-01&to=2024-03-31");
    }

    /** Every query as JSON, as CSV, and as CSV for Excel. */
    static List<String> answers() {
        List<String> out = new ArrayList<>();
        for (String q : queries()) {
            out.add(q);
            out.add(q + "&format=csv");
        }
        for (int i : List.of(0, 3, 7, 9, 21)) {
            out.add(queries().get(i) + "&format=csv&excel=true");
        }
        return out;
    }

    static IntStream indexes() {
        return IntStream.range(0, answers().size());
    }

    /** The datasets go in once per class: re-importing them for each of the answers took minutes. */
    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Api.importCsv(
                        incidents(new Random(1101), 2018, 2020, 260, "a"),
                        "format=native&complete=true&dataset=answers-a")
                .statusCode(201);
        Api.importCsv(incidents(new Random(1102), 2019, 2021, 90, "b"), "format=native&dataset=answers-b")
                .statusCode(201);
    }

    @ParameterizedTest
    @MethodSource("indexes")
    void answerBytesAreUnchanged(int index) throws IOException {
        String query = answers().get(index);
        Response response = given().get("/api/v1/aggregates?" + query);
        assertEquals(200, response.statusCode(), query + ": " + response.asString());
        byte[] body = response.asByteArray();
        String name = String.format("%02d.%s", index, query.contains("format=csv") ? "csv" : "json");
        if (Boolean.getBoolean("aggregate.answers.write")) {
            Path dir = Path.of("src/test/resources", GOLDEN);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), body);
            Files.writeString(dir.resolve(name + ".query"), query + "\n");
        }
        byte[] want;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN + name)) {
            assertTrue(in != null, "no captured answer " + name + " for " + query);
            want = in.readAllBytes();
        }
        assertTrue(want.length > 0, name);
        assertEquals(
                new String(want, StandardCharsets.UTF_8),
                new String(body, StandardCharsets.UTF_8),
                "answer " + name + " to " + query);
        assertTrue(Arrays.equals(want, body), "bytes of " + name + " to " + query);
    }

    private static final String[][] PLACES = {
        {"KPK", "Bannu"},
        {"KPK", "Peshawar"},
        {"KPK", "Swat"},
        {"FATA", "North Waziristan Agency"},
        {"FATA", "Khyber Agency"},
        {"Balochistan", "Quetta"},
        {"Balochistan", "Kech"},
        {"Punjab", "Lahore"},
        {"Sindh", "Sukkur"},
        {"KPK", ""}
    };
    private static final String[] TYPES = {"Attack", "Suicide bombing", "IED", "Armed clash", "Targeted killing"};
    private static final String[] CATEGORIES = {"armed-attack", "suicide-attack", "bombing", "armed-clash", ""};
    private static final String[] ACTORS = {"TTP", "BLA", "ISKP", "Lashkar-e-Jhangvi", ""};

    /** Native CSV of seeded random incidents over [fromYear, toYear]. */
    static String incidents(Random random, int fromYear, int toYear, int count, String prefix) {
        StringBuilder csv = new StringBuilder("external_id,date,province,district,event_type,category,actor,killed,"
                + "killed_civilians,killed_security_forces,killed_militants,injured\n");
        for (int i = 0; i < count; i++) {
            String[] place = PLACES[random.nextInt(PLACES.length)];
            int year = fromYear + random.nextInt(toYear - fromYear + 1);
            int month = 1 + random.nextInt(12);
            String date = random.nextInt(10) == 0
                    ? String.format("%d-%02d", year, month)
                    : String.format("%d-%02d-%02d", year, month, 1 + random.nextInt(28));
            int killed = random.nextInt(12);
            boolean split = random.nextBoolean();
            int civilians = random.nextInt(killed + 1);
            int forces = random.nextInt(killed - civilians + 1);
            csv.append(String.join(
                            ",",
                            prefix + i,
                            date,
                            place[0],
                            place[1],
                            TYPES[random.nextInt(TYPES.length)],
                            CATEGORIES[random.nextInt(CATEGORIES.length)],
                            ACTORS[random.nextInt(ACTORS.length)],
                            random.nextInt(8) == 0 ? "" : Integer.toString(killed),
                            split ? Integer.toString(civilians) : "",
                            split ? Integer.toString(forces) : "",
                            split ? Integer.toString(killed - civilians - forces) : "",
                            random.nextInt(6) == 0 ? "" : Integer.toString(random.nextInt(30))))
                    .append('\n');
        }
        return csv.toString();
    }
}
