package org.militrend.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/** Native CSV imports: validation, atomicity, quarantine, idempotency and encodings, over HTTP. */
@QuarkusTest
class NativeImportTest {

    private static final String HEADER = "external_id,date,province,district,killed,injured,notes";

    private static final String ONE_BAD_DATE = Api.nativeCsv(
            HEADER, "a1,2017-03-01,KPK,Bannu,2,5,", "a2,31-02-2017,KPK,Bannu,1,0,", "a3,2017-03-04,,D.I. Khan,0,3,");

    @Test
    void aBadDateRejectsTheFileNamingLineColumnAndValue() {
        Api.importCsv(ONE_BAD_DATE, "format=native&dataset=nat-fail")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", is(422))
                .body("title", equalTo("Import rejected"))
                .body("rowsRead", is(3))
                .body("rejected", is(1))
                .body("inserted", is(0))
                .body("errors", hasSize(1))
                .body("errors[0].line", is(3))
                .body("errors[0].column", equalTo("date"))
                .body("errors[0].value", equalTo("31-02-2017"));
        total("nat-fail", 0);
    }

    @Test
    void onErrorSkipWritesTheGoodRowsAndQuarantinesTheBadOne() {
        int id = Api.importCsv(ONE_BAD_DATE, "format=native&dataset=nat-skip&onError=skip")
                .statusCode(201)
                .body("inserted", is(2))
                .body("rejected", is(1))
                .body("errors[0].line", is(3))
                .extract()
                .path("importId");
        total("nat-skip", 2);
        given().get("/api/v1/imports/" + id + "/quarantine")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].line", is(3))
                .body("[0].rawLine", startsWith("a2,31-02-2017,KPK,Bannu"))
                .body("[0].reason", containsString("date"));
        given().get("/api/v1/incidents?dataset=nat-skip&district=Dera Ismail Khan")
                .then()
                .body("total", is(1))
                .body("items[0].province", equalTo("Khyber Pakhtunkhwa"))
                .body("items[0].killed", is(0))
                .body("items[0].injured", is(3));
    }

    @Test
    void reimportIsIdempotentAndAChangedRowIsAnUpdate() {
        String v1 = Api.nativeCsv(HEADER, "b1,2020-01-05,Punjab,Lahore,1,2,x", "b2,2020-01-06,Sindh,Hyderabad,,,");
        String v2 = Api.nativeCsv(HEADER, "b1,2020-01-05,Punjab,Lahore,1,2,x", "b2,2020-01-06,Sindh,Hyderabad,3,,");
        Api.importCsv(v1, "format=native&dataset=nat-idem").statusCode(201).body("inserted", is(2));
        Api.importCsv(v1, "format=native&dataset=nat-idem").statusCode(201).body("unchanged", is(2));
        Api.importCsv(v2, "format=native&dataset=nat-idem")
                .statusCode(201)
                .body("unchanged", is(1))
                .body("updated", is(1));
        given().get("/api/v1/incidents?dataset=nat-idem&district=Hyderabad")
                .then()
                .body("items[0].killed", is(3))
                .body("items[0].injured", equalTo(null))
                .body("items[0].version", is(1));
    }

    @Test
    void rowsWithoutAnIdGetAStableKey() {
        String csv = Api.nativeCsv("date,district,killed", "2019-05-01,Quetta,4", "2019-05-02,Quetta,1");
        Api.importCsv(csv, "format=native&dataset=nat-noid").statusCode(201).body("inserted", is(2));
        Api.importCsv(csv, "format=native&dataset=nat-noid").statusCode(201).body("unchanged", is(2));
        given().get("/api/v1/incidents?dataset=nat-noid")
                .then()
                .body("items.externalId[0]", startsWith("row-"))
                .body("items[0].province", equalTo("Balochistan"));
    }

    @Test
    void readsWindows1252AndUtf8WithABom() {
        String csv = Api.nativeCsv(HEADER, "c1,2018-07-13,Baluchistan,Mastung,128,150,Mastung – café “rally”");
        Api.importCsv(csv.getBytes(InputFiles.WINDOWS_1252), "format=native&dataset=nat-1252")
                .statusCode(201)
                .body("charset", equalTo("windows-1252"));
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        Api.importCsv(bom, "format=native&dataset=nat-bom")
                .statusCode(201)
                .body("charset", equalTo("UTF-8"))
                .body("inserted", is(1));
        for (String dataset : new String[] {"nat-1252", "nat-bom"}) {
            given().get("/api/v1/incidents?dataset=" + dataset)
                    .then()
                    .body("items[0].notes", equalTo("Mastung – café “rally”"))
                    .body("items[0].district", equalTo("Mastung"))
                    .body("items[0].killed", is(128));
        }
    }

    @Test
    void headerProblemsRejectTheFile() {
        Api.importCsv(
                        Api.nativeCsv("external_id,date,district,casualties", "d1,2017-01-01,Bannu,3"),
                        "format=native&dataset=nat-hdr")
                .statusCode(422)
                .body("errors[0].line", is(1))
                .body("errors[0].column", equalTo("casualties"));
        Api.importCsv(
                        Api.nativeCsv("external_id,date,district,casualties", "d1,2017-01-01,Bannu,3"),
                        "format=native&dataset=nat-hdr&ignoreUnknownColumns=true")
                .statusCode(201)
                .body("inserted", is(1));
        Api.importCsv(Api.nativeCsv("external_id,district", "d1,Bannu"), "format=native&dataset=nat-hdr2")
                .statusCode(422)
                .body("errors.column", hasItem("date"));
    }

    @Test
    void cellsReadWithACaveatAreWarnings() {
        String csv = Api.nativeCsv(HEADER, "e1,2016-02-02,KPK,Peshawar,12+,many,");
        Api.importCsv(csv, "format=native&dataset=nat-warn")
                .statusCode(201)
                .body("warnings.column", hasItem("killed"))
                .body("warnings.column", hasItem("injured"));
        given().get("/api/v1/incidents?dataset=nat-warn")
                .then()
                .body("items[0].killed", is(12))
                .body("items[0].injured", equalTo(null));
    }

    @Test
    void anUnknownDistrictIsReportedWithSuggestions() {
        String csv = Api.nativeCsv(HEADER, "f1,2016-02-02,KPK,Peshwar,1,1,", "f2,2016-02-03,,Atlantis,1,1,");
        Api.importCsv(csv, "format=native&dataset=nat-unres")
                .statusCode(422)
                .body("unresolvedPlaces.value", hasItem("Peshwar"))
                .body("unresolvedPlaces.find { it.value == 'Peshwar' }.suggestions[0]", equalTo("Peshawar"))
                .body("unresolvedPlaces.find { it.value == 'Peshwar' }.lines[0]", is(2))
                .body("errors[0].line", is(3))
                .body("errors[0].value", equalTo("Atlantis"));
    }

    @Test
    void badParametersAreProblems() {
        Api.importCsv("x", "format=acme")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
        Api.importCsv("x", "format=native&onError=maybe").statusCode(400).body("errors[0].field", equalTo("onError"));
        Api.importCsv("", "format=native").statusCode(422);
    }

    private static void total(String dataset, int expected) {
        given().get("/api/v1/incidents?dataset=" + dataset)
                .then()
                .statusCode(200)
                .body("total", is(expected));
    }
}
