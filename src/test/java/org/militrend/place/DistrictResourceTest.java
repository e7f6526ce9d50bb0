package org.militrend.place;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DistrictResourceTest {

    @Test
    void listsEveryDistrictWithAliasesAndPopulation() {
        given().when()
                .get("/api/v1/districts")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("$", hasSize(160))
                .body("find { it.code == 'PK-KP-DERA-ISMAIL-KHAN' }.name", equalTo("Dera Ismail Khan"))
                .body("find { it.code == 'PK-KP-DERA-ISMAIL-KHAN' }.province", equalTo("Khyber Pakhtunkhwa"))
                .body("find { it.code == 'PK-KP-DERA-ISMAIL-KHAN' }.provinceCode", equalTo("PK-KP"))
                .body("find { it.code == 'PK-KP-DERA-ISMAIL-KHAN' }.population2023", equalTo(1829811))
                .body("find { it.code == 'PK-KP-DERA-ISMAIL-KHAN' }.population2017", equalTo(1693594))
                .body("find { it.code == 'PK-KP-DERA-ISMAIL-KHAN' }.areaSqKm", equalTo(9334.0f))
                .body(
                        "find { it.code == 'PK-KP-DERA-ISMAIL-KHAN' }.aliases",
                        hasItems("D.I. Khan", "FR D.I. Khan", "Kulachi"))
                .body("find { it.code == 'PK-KP-NORTH-WAZIRISTAN' }.formerFata", equalTo(true))
                .body("find { it.code == 'PK-KP-NORTH-WAZIRISTAN' }.aliases", hasItem("North Waziristan Agency"))
                .body("find { it.code == 'PK-JK-MUZAFFARABAD' }.population2023", nullValue())
                .body("find { it.code == 'PK-SD-TANDO-ALLAHYAR' }.population2023", equalTo(922012));
    }

    @Test
    void filtersByProvinceNameAliasOrCode() {
        given().queryParam("province", "KPK")
                .get("/api/v1/districts")
                .then()
                .statusCode(200)
                .body("$", hasSize(35))
                .body("provinceCode", everyItem(equalTo("PK-KP")));
        given().queryParam("province", "FATA")
                .get("/api/v1/districts")
                .then()
                .statusCode(200)
                .body("$", hasSize(35));
        given().queryParam("province", "PK-BA,Sindh")
                .get("/api/v1/districts")
                .then()
                .statusCode(200)
                .body("$", hasSize(64));
        given().queryParam("province", "AJK")
                .queryParam("province", "Northern Areas")
                .get("/api/v1/districts")
                .then()
                .statusCode(200)
                .body("$", hasSize(24));
    }

    @Test
    void anUnknownProvinceIsAProblemWithSuggestions() {
        given().queryParam("province", "Punjaab")
                .get("/api/v1/districts")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("Unknown place"))
                .body("detail", containsString("Punjaab"))
                .body("errors[0].field", equalTo("province"))
                .body("errors[0].value", equalTo("Punjaab"))
                .body("errors[0].suggestions[0]", equalTo("Punjab"));
        given().accept("text/csv")
                .queryParam("province", "Punjaab")
                .get("/api/v1/districts")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].suggestions[0]", equalTo("Punjab"));
        given().queryParam("format", "xml")
                .get("/api/v1/districts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))
                .getRecords();
    }

    @Test
    void csvHasTheSameColumns() throws IOException {
        String body = given().queryParam("format", "csv")
                .get("/api/v1/districts")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertTrue(
                body.startsWith(
                        "code,name,province,provinceCode,aliases,population2023,population2017,areaSqKm,formerFata,"
                                + "division,divisionCode\n"),
                body.substring(0, 120));
        List<CSVRecord> rows = csv(body);
        assertEquals(160, rows.size());
        CSVRecord dik = rows.stream()
                .filter(r -> r.get("code").equals("PK-KP-DERA-ISMAIL-KHAN"))
                .findFirst()
                .orElseThrow();
        assertEquals("Dera Ismail Khan", dik.get("name"));
        assertEquals("1829811", dik.get("population2023"));
        assertEquals("9334", dik.get("areaSqKm"));
        assertEquals("false", dik.get("formerFata"));
        assertEquals("Dera Ismail Khan", dik.get("division"));
        assertTrue(List.of(dik.get("aliases").split("\\|")).contains("FR D.I. Khan"), dik.get("aliases"));
        CSVRecord bagh = rows.stream()
                .filter(r -> r.get("code").equals("PK-JK-BAGH"))
                .findFirst()
                .orElseThrow();
        assertEquals("", bagh.get("population2023"));

        String viaAccept = given().accept("text/csv")
                .queryParam("province", "ICT")
                .get("/api/v1/districts")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        List<CSVRecord> ict = csv(viaAccept);
        assertEquals(1, ict.size());
        assertEquals("Islamabad", ict.get(0).get("name"));
        assertEquals("2363863", ict.get(0).get("population2023"));
    }

    @Test
    void resolvesSpellingsAndRanksCandidates() {
        given().queryParam("name", "D.I Khan")
                .get("/api/v1/districts/resolve")
                .then()
                .statusCode(200)
                .body("match.code", equalTo("PK-KP-DERA-ISMAIL-KHAN"))
                .body("match.population2023", equalTo(1829811))
                .body("candidates[0].code", equalTo("PK-KP-DERA-ISMAIL-KHAN"))
                .body("candidates[0].score", equalTo(1.0f))
                .body("warnings", hasSize(0));
        given().queryParam("name", "Peshwar")
                .get("/api/v1/districts/resolve")
                .then()
                .statusCode(200)
                .body("match", nullValue())
                .body("candidates[0].name", equalTo("Peshawar"))
                .body("candidates[0].score", lessThan(1.0f))
                .body("candidates.size()", lessThan(6));
        given().queryParam("name", "Banu")
                .queryParam("limit", 2)
                .get("/api/v1/districts/resolve")
                .then()
                .statusCode(200)
                .body("candidates[0].name", equalTo("Bannu"))
                .body("candidates", hasSize(2));
        given().queryParam("name", "D.G Khan")
                .queryParam("province", "KPK")
                .get("/api/v1/districts/resolve")
                .then()
                .statusCode(200)
                .body("match.name", equalTo("Dera Ghazi Khan"))
                .body("match.province", equalTo("Punjab"))
                .body("warnings[0]", containsString("Punjab"));
        given().queryParam("name", "Karachi")
                .get("/api/v1/districts/resolve")
                .then()
                .statusCode(200)
                .body("match", nullValue())
                .body("warnings[0]", containsString("located to division Karachi"))
                .body("candidates.name", hasItem(startsWith("Karachi")));
    }

    @Test
    void resolveNeedsAName() {
        given().get("/api/v1/districts/resolve")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("name"))
                .body("detail", containsString("name"));
        given().queryParam("name", "Swat")
                .queryParam("limit", 0)
                .get("/api/v1/districts/resolve")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("name", "Swat")
                .queryParam("province", "Atlantis")
                .get("/api/v1/districts/resolve")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("province"));
    }

    @Test
    void oneDistrictByCode() {
        given().get("/api/v1/districts/PK-KP-BANNU")
                .then()
                .statusCode(200)
                .body("name", equalTo("Bannu"))
                .body("aliases", hasItem("FR Bannu"));
        given().get("/api/v1/districts/PK-XX-NOWHERE")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void listsProvincesWithPopulationAndDistrictCount() throws IOException {
        given().get("/api/v1/provinces")
                .then()
                .statusCode(200)
                .body("$", hasSize(7))
                .body("find { it.code == 'PK-KP' }.name", equalTo("Khyber Pakhtunkhwa"))
                .body("find { it.code == 'PK-KP' }.population2023", equalTo(40856097))
                .body("find { it.code == 'PK-KP' }.districtCount", equalTo(35))
                .body("find { it.code == 'PK-KP' }.aliases", hasItems("KPK", "NWFP", "FATA"))
                .body("find { it.code == 'PK-SD' }.population2023", equalTo(55696147))
                .body("find { it.code == 'PK-GB' }.population2023", nullValue())
                .body("find { it.code == 'PK-GB' }.districtCount", equalTo(14))
                .body("find { it.code == 'PK-JK' }.districtCount", equalTo(10));
        String body = given().accept("text/csv")
                .get("/api/v1/provinces")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> rows = csv(body);
        assertEquals(7, rows.size());
        long total = rows.stream()
                .filter(r -> !r.get("population2023").isEmpty())
                .mapToLong(r -> Long.parseLong(r.get("population2023")))
                .sum();
        assertEquals(241_499_431L, total);
    }

    @Test
    void endpointsAreDocumented() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/districts'.get.summary", notNullValue())
                .body(
                        "paths.'/api/v1/districts/resolve'.get.parameters.find { it.name == 'name' }.example",
                        equalTo("D.I Khan"))
                .body("paths.'/api/v1/provinces'.get.summary", notNullValue());
    }
}
