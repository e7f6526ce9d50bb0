package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * Bad input to the import, as an attacker or an unlucky operator sends it (issue 12): every case
 * is a 4xx problem+json naming the line, column or value, and writes nothing.
 */
@QuarkusTest
class ImportAbuseTest {

    private static final String HEADER = "external_id,date,province,district,killed,injured,notes";

    @Test
    void duplicateHeaderNamesAreRefusedNamingTheColumn() {
        Api.importCsv(
                        "external_id,date,district,date\nd1,2020-01-01,Bannu,2020-01-02\n",
                        "format=native&dataset=ab-dup")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(1))
                .body("errors[0].column", equalTo("date"))
                .body("errors[0].message", containsString("more than once"));
        total("ab-dup", 0);
    }

    @Test
    void aQuoteInsideAHeaderNameIsRefusedNamingLineOne() {
        Api.importCsv("external_id,da\"te,district\nq1,2020-01-01,Bannu\n", "format=native&dataset=ab-quote")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(1));
        Api.importCsv("\"external_id,date,district\nq1,2020-01-01,Bannu\n", "format=native&dataset=ab-quote")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(1));
        total("ab-quote", 0);
    }

    @Test
    void aNulInACellRejectsTheRowNamingLineAndColumn() {
        String csv =
                Api.nativeCsv(HEADER, "n1,2020-01-01,KPK,Bannu,1,0,fine", "n2,2020-01-02,KPK,Bannu,1,0,bad\u0000note");
        Api.importCsv(csv, "format=native&dataset=ab-nul")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(3))
                .body("errors[0].column", equalTo("notes"))
                .body("errors[0].value", equalTo("bad\uFFFDnote"))
                .body("errors[0].message", containsString("NUL"));
        total("ab-nul", 0);
    }

    @Test
    void aNulInAQuarantinedRowIsStoredReadably() {
        String csv =
                Api.nativeCsv(HEADER, "s1,2020-01-01,KPK,Bannu,1,0,fine", "s2,2020-01-02,KPK,Bannu,1,0,bad\u0000note");
        int id = Api.importCsv(csv, "format=native&dataset=ab-nul-skip&onError=skip")
                .statusCode(201)
                .body("inserted", is(1))
                .body("rejected", is(1))
                .body("state", equalTo("completed"))
                .extract()
                .path("importId");
        given().get("/api/v1/imports/" + id + "/quarantine")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].line", is(3))
                .body("[0].rawLine", containsString("bad\uFFFDnote"));
        total("ab-nul-skip", 1);
    }

    @Test
    void aNulInAWarnedCellKeepsTheImportCompleted() {
        // a count that is not a number is a warning (read as unknown) that quotes the cell
        String csv = Api.nativeCsv(
                "external_id,date,province,district,killed", "w1,2020-01-01,KPK,Bannu,1", "w2,2020-01-02,KPK,Bannu,1");
        String warned = csv.replace("w2,2020-01-02,KPK,Bannu,1", "w2,2020-01-02,KPK,Bannu,x\u0000y");
        int id = Api.importCsv(warned, "format=native&dataset=ab-nul-warn&onError=skip")
                .statusCode(201)
                .extract()
                .path("importId");
        given().get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("completed"))
                .body("inserted", is(1))
                .body("rejected", is(1));
        total("ab-nul-warn", 1);
    }

    @Test
    void aUtf16FileWithAByteOrderMarkIsReadAsUtf16() {
        byte[] le = withBom(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                Api.nativeCsv(HEADER, "u1,2020-01-01,KPK,Bannu,1,0,Lāhore café").getBytes(StandardCharsets.UTF_16LE));
        Api.importCsv(le, "format=native&dataset=ab-utf16")
                .statusCode(201)
                .body("inserted", is(1))
                .body("charset", equalTo("UTF-16LE"));
        byte[] be = withBom(
                new byte[] {(byte) 0xFE, (byte) 0xFF},
                Api.nativeCsv(HEADER, "u2,2020-01-01,KPK,Bannu,1,0,x").getBytes(StandardCharsets.UTF_16BE));
        Api.importCsv(be, "format=native&dataset=ab-utf16").statusCode(201).body("inserted", is(1));
        given().get("/api/v1/incidents?dataset=ab-utf16")
                .then()
                .body("total", is(2))
                .body("items.notes", hasItem("Lāhore café"));
    }

    @Test
    void aUtf16FileWithoutAByteOrderMarkIsRefusedAtTheHeader() {
        byte[] le = Api.nativeCsv(HEADER, "u3,2020-01-01,KPK,Bannu,1,0,x").getBytes(StandardCharsets.UTF_16LE);
        Api.importCsv(le, "format=native&dataset=ab-utf16-nobom")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(1))
                .body("errors[0].message", containsString("NUL"));
        Api.importCsv(le, "format=pbc-suicide&dataset=ab-utf16-nobom")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(1));
        total("ab-utf16-nobom", 0);
    }

    @Test
    void binaryGarbageIsRefusedNotAServerError() {
        byte[] junk = new byte[4096];
        new Random(12).nextBytes(junk);
        Api.importCsv(junk, "format=native&dataset=ab-junk").statusCode(422).contentType("application/problem+json");
        Api.importCsv(junk, "format=acled&dataset=ab-junk").statusCode(422).contentType("application/problem+json");
        total("ab-junk", 0);
    }

    @Test
    void aBrokenMultipartBoundaryIsA400() {
        String body = "--wrong\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nexternal_id,date,district\r\nm1,2020-01-01,Bannu\r\n--wr";
        given().header("Authorization", "Bearer " + Api.TOKEN)
                .contentType("multipart/form-data; boundary=right")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?format=native&dataset=ab-multipart")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Api.TOKEN)
                .contentType("multipart/form-data")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?format=native&dataset=ab-multipart")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String cut = "--right\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nexternal_id,date,district\r\nm1,2020-01-01,Ban";
        given().header("Authorization", "Bearer " + Api.TOKEN)
                .contentType("multipart/form-data; boundary=right")
                .body(cut.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?format=native&dataset=ab-multipart")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        total("ab-multipart", 0);
    }

    @Test
    void rowsWithTooFewOrTooManyCellsAreErrorsNamingTheLine() {
        String header = "external_id,date,province,district,location,latitude,longitude,event_type,actor,target,"
                + "killed,killed_min,killed_civilians,killed_security_forces,killed_militants,injured,injured_min,"
                + "source,source_url,notes";
        String full = "f1,2020-01-01,KPK,Bannu,Town,33.0,70.6,bombing,TTP,police,1,1,0,1,0,2,2,Dawn,,note";
        String[] cells = full.split(",", -1);
        String five = String.join(",", Arrays.copyOf(cells, 5)).replace("f1", "f5");
        String ten = String.join(",", Arrays.copyOf(cells, 10)).replace("f1", "f10");
        String nineteen = String.join(",", Arrays.copyOf(cells, 19)).replace("f1", "f19");
        String twentyOne = full.replace("f1", "f21") + ",extra";
        String csv = Api.nativeCsv(header, full, five, ten, nineteen, twentyOne);
        Api.importCsv(csv, "format=native&dataset=ab-width")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rejected", is(4))
                .body("errors", hasSize(4))
                .body("errors.line", equalTo(List.of(3, 4, 5, 6)))
                .body("errors[0].message", equalTo("the row has 5 cells but the header has 20"))
                .body("errors[2].message", equalTo("the row has 19 cells but the header has 20"))
                .body("errors[3].message", equalTo("the row has 21 cells but the header has 20"));
        total("ab-width", 0);
        int id = Api.importCsv(csv, "format=native&dataset=ab-width&onError=skip")
                .statusCode(201)
                .body("inserted", is(1))
                .body("rejected", is(4))
                .extract()
                .path("importId");
        given().get("/api/v1/imports/" + id + "/quarantine")
                .then()
                .body("", hasSize(4))
                .body("[0].line", is(3))
                .body("[0].rawLine", startsWith("f5,2020-01-01"));
        total("ab-width", 1);
    }

    @Test
    void aFileCutInsideAQuotedCellIsAnErrorNamingItsLine() {
        String csv = Api.nativeCsv(HEADER, "c1,2020-01-01,KPK,Bannu,1,0,ok", "c2,2020-01-02,KPK,Bannu,1,0,\"cut off")
                .stripTrailing();
        Api.importCsv(csv, "format=native&dataset=ab-cut")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(3))
                .body("errors[0].message", containsString("quote"));
        Api.importCsv(csv, "format=native&dataset=ab-cut&onError=skip")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(3));
        total("ab-cut", 0);
    }

    @Test
    void aFileCutMidRowOutsideQuotesIsAShortRow() {
        String csv = Api.nativeCsv(HEADER, "c3,2020-01-01,KPK,Bannu,1,0,ok", "c4,2020-01-02,KPK,Ban")
                .stripTrailing();
        Api.importCsv(csv, "format=native&dataset=ab-cut2")
                .statusCode(422)
                .body("errors[0].line", is(3))
                .body("errors[0].message", equalTo("the row has 4 cells but the header has 7"));
        total("ab-cut2", 0);
    }

    @Test
    void datesBefore1900OrAfterNextYearAreRejectedInEveryFormat() {
        Api.importCsv(
                        Api.nativeCsv(
                                HEADER,
                                "y0,0000-02-29,KPK,Bannu,1,0,",
                                "y1,1582-10-10,KPK,Bannu,1,0,",
                                "y2,9999-01-01,KPK,Bannu,1,0,"),
                        "format=native&dataset=ab-dates")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rejected", is(3))
                .body("errors.line", equalTo(List.of(2, 3, 4)))
                .body("errors[0].column", equalTo("date"))
                .body("errors[0].value", equalTo("0000-02-29"))
                .body("errors[1].value", equalTo("1582-10-10"))
                .body("errors[0].message", containsString("1900-01-01"));
        String acled = Fixtures.text("acled-pakistan-2024.csv");
        String[] lines = acled.split("\n", 3);
        String oldRow = lines[1].replace("2024-01-15,2024", "1582-10-10,1582");
        Api.importCsv(lines[0] + "\n" + oldRow + "\n", "format=acled&dataset=ab-dates")
                .statusCode(422)
                .body("errors[0].line", is(2))
                .body("errors[0].column", equalTo("event_date"))
                .body("errors[0].value", equalTo("1582-10-10"));
        total("ab-dates", 0);
    }

    @Test
    void aTenMegabytePlaceNameIsRefusedWithoutMatchingIt() {
        String huge = "B".repeat(10 * 1024 * 1024);
        String csv = Api.nativeCsv(HEADER, "h1,2020-01-01,KPK," + huge + ",1,0,");
        Api.importCsv(csv, "format=native&dataset=ab-huge")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].line", is(2))
                .body("errors[0].column", equalTo("district"))
                .body("errors[0].value", equalTo("B".repeat(60) + "..."))
                .body("errors[0].message", containsString("longer than"));
        String csvProvince = Api.nativeCsv(HEADER, "h2,2020-01-01," + huge + ",,1,0,");
        Api.importCsv(csvProvince, "format=native&dataset=ab-huge&onError=skip")
                .statusCode(201)
                .body("rejected", is(1))
                .body("errors[0].column", equalTo("province"));
        total("ab-huge", 0);
    }

    @Test
    void importHistoryPagesOutOfRangeAre400() {
        given().get("/api/v1/imports?page=2147483647&size=1000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        given().get("/api/v1/imports?page=x").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/incidents?page=2147483647").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/imports?page=0&size=1")
                .then()
                .statusCode(200)
                .body("", not(hasSize(greaterThanOrEqualTo(2))));
    }

    private static byte[] withBom(byte[] bom, byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text);
        return out.toByteArray();
    }

    private static void total(String dataset, int expected) {
        given().get("/api/v1/incidents?dataset=" + dataset)
                .then()
                .statusCode(200)
                .body("total", is(expected));
    }
}
