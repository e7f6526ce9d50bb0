package org.militrend.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.militrend.testing.SharedData;

/**
 * 300 malformed files from a seed (mutations of a native file and of the real Pakistan Body
 * Count file) posted over HTTP: none answers 5xx, a refused file is problem+json, and the
 * incident count grows by exactly what the accepted ones report inserted (a refused file leaves
 * nothing behind).
 */
@QuarkusTest
class FuzzImportTest {

    private static final long SEED = 20261130L;
    private static final int FILES = 300;

    @Test
    void malformedFilesNeverAnswer5xxNorLeaveRowsBehind() {
        List<FuzzCorpus.Case> bases = List.of(
                new FuzzCorpus.Case("native", "native", nativeFile()),
                new FuzzCorpus.Case("pbc", "pbc-suicide", FuzzCorpus.head(SharedData.pbcBytes(), 80)));
        List<FuzzCorpus.Case> corpus = FuzzCorpus.generate(SEED, FILES, bases);
        long before = total();
        long inserted = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (FuzzCorpus.Case c : corpus) {
            Response answer = Api.editor()
                    .contentType("text/csv")
                    .body(c.body())
                    .post("/api/v1/imports?format=" + c.format() + "&dataset=fuzz-" + c.format());
            int status = answer.statusCode();
            if (status >= 500) {
                failures.add(c.name() + ": " + status + " " + answer.asString());
            } else if (status == 201) {
                inserted += answer.jsonPath().getLong("inserted");
            } else if (status >= 400) {
                refused++;
                if (!answer.contentType().startsWith("application/problem+json")) {
                    failures.add(c.name() + ": " + status + " as " + answer.contentType());
                }
            } else {
                failures.add(c.name() + ": unexpected " + status);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before + inserted, total(), "rows beyond what the accepted imports reported");
        // the corpus is mostly broken files: most must have been refused, not quietly accepted
        assertTrue(refused >= FILES / 2, "only " + refused + " of " + FILES + " refused");
    }

    private static long total() {
        return Api.editor()
                .get("/api/v1/incidents?size=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    /** A native file of 60 rows using every contract column, quoted notes with commas included. */
    private static byte[] nativeFile() {
        StringBuilder csv = new StringBuilder("external_id,date,date_precision,province,district,location,"
                + "latitude,longitude,event_type,actor,target,killed,injured,source,notes\n");
        String[][] places = {
            {"KPK", "Bannu"}, {"Punjab", "Lahore"}, {"Sindh", "Karachi South"}, {"Balochistan", "Quetta"}
        };
        for (int i = 0; i < 60; i++) {
            String[] place = places[i % places.length];
            csv.append("fz-")
                    .append(i)
                    .append(",2015-")
                    .append(String.format("%02d-%02d", 1 + i % 12, 1 + i % 28))
                    .append(",day,")
                    .append(place[0])
                    .append(',')
                    .append(place[1])
                    .append(",\"Bazaar, main road\",33.")
                    .append(i)
                    .append(",70.")
                    .append(i)
                    .append(",bombing,TTP,police,")
                    .append(i % 7)
                    .append(',')
                    .append(i % 5)
                    .append(",Dawn,\"An attack; ")
                    .append(i)
                    .append(" \"\"quoted\"\" words\"\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
