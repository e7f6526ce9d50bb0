package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;
import org.militrend.testing.DatabaseResource;

/**
 * New rows of an import go through COPY on PostgreSQL and a JDBC batch on H2; updates are bound
 * statements on both. Whatever the path, the stored incidents are the file's values exactly: text
 * with tabs, newlines, backslashes, COPY's own "\N" and non-Latin letters, and doubles to their
 * last digit. The same assertions run on both databases, and on each the rows written as new
 * rows must export byte for byte like the same rows written as updates.
 */
@QuarkusTest
class CopyImportTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String HEADER =
            "external_id,date,province,district,latitude,longitude,event_type,actor,killed,injured,source,notes";
    private static final String NOTES_TAB = "a\ttab, a\nnewline and a \\ backslash";
    private static final String NOTES_ESCAPES = "\\N is not null, nor is \\t a tab; \\\\ two";
    private static final String NOTES_UNICODE = "پشاور میں دھماکہ — 爆炸 ✓ 😀";

    private static String tricky(String killed) {
        return Api.nativeCsv(
                HEADER,
                "c1,2022-01-05,KPK,Peshawar,34.00773010253906,71.57849121093751,Bombing,TTP," + killed + ",3,Dawn,\""
                        + NOTES_TAB + "\"",
                "c2,2022-02-06,Balochistan,Quetta,30.1798,66.975,Attack,\"BLA\\split\",,,\"src\\with\\slashes\",\""
                        + NOTES_ESCAPES.replace("\"", "\"\"") + "\"",
                "c3,2022-02-07,Punjab,,,,Attack,,0,0,\"inner\ttab\",\"" + NOTES_UNICODE + "\"",
                "c4,2022-03-08,Sindh,Karachi Central,24.9,67.0,,,1,,,");
    }

    @Test
    void newRowsAndUpdatedRowsStoreTheSameValues() throws IOException {
        Api.importCsv(tricky("2"), "format=native&dataset=copy-new")
                .statusCode(201)
                .body("inserted", is(4));
        // the same rows reach copy-upd as updates of rows that said something else
        Api.importCsv(tricky("9").replace(",2022-", ",2021-"), "format=native&dataset=copy-upd")
                .statusCode(201)
                .body("inserted", is(4));
        Api.importCsv(tricky("2"), "format=native&dataset=copy-upd")
                .statusCode(201)
                .body("updated", is(4));

        List<List<String>> inserted = exported("copy-new");
        assertEquals(exported("copy-upd"), inserted);
        assertEquals(4, inserted.size());

        Api.editor()
                .get("/api/v1/incidents?dataset=copy-new&size=10")
                .then()
                .statusCode(200)
                .body("items[0].notes", is(NOTES_TAB))
                .body("items[1].notes", is(NOTES_ESCAPES))
                .body("items[1].actor", is("BLA\\split"))
                .body("items[1].source", is("src\\with\\slashes"))
                .body("items[1].killed", is((Object) null))
                .body("items[2].source", is("inner\ttab"))
                .body("items[2].notes", is(NOTES_UNICODE))
                .body("items[2].district", is((Object) null))
                .body("items[3].notes", is((Object) null));
        // doubles to their last digit
        assertTrue(
                inserted.get(0).contains("34.00773010253906"), inserted.get(0).toString());
        assertTrue(
                inserted.get(0).contains("71.57849121093751"), inserted.get(0).toString());

        // the export imports again with every hash unchanged
        String csv = Api.editor()
                .accept("text/csv")
                .get("/api/v1/incidents?dataset=copy-new")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Api.importCsv(csv, "format=native&dataset=copy-new").statusCode(201).body("unchanged", is(4));
    }

    @Test
    void aLaterBadRowLeavesNothingOfTheRowsWrittenBeforeIt() {
        StringBuilder csv = new StringBuilder("external_id,date,district,killed\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("a").append(i).append(",2023-0").append(1 + i % 9).append("-11,Bannu,1\n");
        }
        csv.append("late,2023-13-01,Bannu,1\n");
        Api.importCsv(csv.toString(), "format=native&dataset=copy-atomic")
                .statusCode(422)
                .body("rowsRead", is(2501))
                .body("rejected", is(1));
        given().get("/api/v1/incidents?dataset=copy-atomic")
                .then()
                .statusCode(200)
                .body("total", is(0));
        Api.editor().get("/api/v1/admin/rollup/check").then().statusCode(200).body("consistent", is(true));
        // the same file without the bad row is stored whole, rollup included
        String good = csv.substring(0, csv.indexOf("late,"));
        Api.importCsv(good, "format=native&dataset=copy-atomic").statusCode(201).body("inserted", is(2500));
        given().get("/api/v1/incidents?dataset=copy-atomic")
                .then()
                .statusCode(200)
                .body("total", is(2500));
        Api.editor().get("/api/v1/admin/rollup/check").then().statusCode(200).body("consistent", is(true));
        given().get(
                        "/api/v1/aggregates?dataset=copy-atomic&groupBy=month&metrics=incidents,killed&from=2023-01-01&to=2023-09-30")
                .then()
                .statusCode(200)
                .body("totals.incidents", is(2500))
                .body("totals.killed", is(2500));
    }

    /**
     * The database refuses a row in the middle of the new rows, while the rows of the chunks
     * before it are already streaming (on PostgreSQL from the COPY's own thread): the import
     * fails with the database's reason and nothing of it is kept, rollup included. The same
     * file without that row is then stored whole on the same pool.
     */
    @Test
    void theDatabaseRefusingARowMidStreamLeavesNothingAndSaysWhy() throws SQLException {
        StringBuilder csv = new StringBuilder("external_id,date,district,killed\n");
        for (int i = 0; i < 3500; i++) {
            csv.append(i == 2700 ? "refused" : "w" + i)
                    .append(",2023-0")
                    .append(1 + i % 9)
                    .append("-12,Bannu,1\n");
        }
        refuse(true);
        try {
            Api.importCsv(csv.toString(), "format=native&dataset=copy-refused").statusCode(500);
        } finally {
            refuse(false);
        }
        given().get("/api/v1/incidents?dataset=copy-refused")
                .then()
                .statusCode(200)
                .body("total", is(0));
        given().get("/api/v1/imports?size=1")
                .then()
                .statusCode(200)
                .body("[0].dataset", is("copy-refused"))
                .body("[0].state", is("failed"))
                .body("[0].inserted", is(0));
        int id = given().get("/api/v1/imports?size=1").then().extract().path("[0].importId");
        given().get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .body("errors[0].message", containsString("refused by a test trigger"));
        Api.editor().get("/api/v1/admin/rollup/check").then().statusCode(200).body("consistent", is(true));

        Api.importCsv(csv.toString(), "format=native&dataset=copy-refused")
                .statusCode(201)
                .body("inserted", is(3500));
        given().get("/api/v1/incidents?dataset=copy-refused")
                .then()
                .statusCode(200)
                .body("total", is(3500));
        Api.editor().get("/api/v1/admin/rollup/check").then().statusCode(200).body("consistent", is(true));
    }

    /** Installs (or drops) a trigger that refuses the incident keyed 'refused', in each database's own terms. */
    private void refuse(boolean on) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            if (DatabaseResource.onPostgres()) {
                if (on) {
                    s.execute("CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " IF NEW.external_id = 'refused' THEN"
                            + " RAISE EXCEPTION 'the row ''refused'' is refused by a test trigger'; END IF;"
                            + " RETURN NEW; END $$");
                    s.execute("CREATE TRIGGER test_refuse BEFORE INSERT ON incident FOR EACH ROW"
                            + " EXECUTE FUNCTION test_refuse()");
                } else {
                    s.execute("DROP TRIGGER test_refuse ON incident");
                    s.execute("DROP FUNCTION test_refuse()");
                }
            } else if (on) {
                s.execute("CREATE TRIGGER test_refuse BEFORE INSERT ON incident FOR EACH ROW CALL '"
                        + RefusingTrigger.class.getName() + "'");
            } else {
                s.execute("DROP TRIGGER test_refuse");
            }
        }
    }

    /** The dataset's CSV export without the columns that differ between datasets (dataset, id). */
    private static List<List<String>> exported(String dataset) throws IOException {
        String csv = Api.editor()
                .accept("text/csv")
                .get("/api/v1/incidents?dataset=" + dataset)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().build().parse(new StringReader(csv))) {
            List<String> kept = parser.getHeaderNames().stream()
                    .filter(h -> !h.equals("dataset") && !h.equals("id"))
                    .collect(Collectors.toList());
            assertTrue(kept.contains("notes"), kept.toString());
            for (CSVRecord r : parser) {
                rows.add(kept.stream().map(r::get).toList());
            }
        }
        return rows;
    }
}
