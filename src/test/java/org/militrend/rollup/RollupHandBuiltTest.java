package org.militrend.rollup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/** The rollup's rows of a small dataset, computed by hand, through an import, an edit, a delete and a rebuild. */
@QuarkusTest
class RollupHandBuiltTest {

    private static final String DATASET = "roll-hand";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sumsAndUnknownsPerMonthPlaceAndPrecision() throws SQLException {
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,date_precision,province,district,event_type,actor,killed,"
                                        + "killed_civilians,killed_security_forces,killed_militants,injured",
                                "h1,2021-03-10,day,KPK,Bannu,Attack,TTP,3,,1,,4",
                                "h2,2021-03-20,day,KPK,Bannu,Attack,TTP,,,,,2",
                                "h3,2021-03-25,month,KPK,Bannu,Attack,TTP,,,,,",
                                "h4,2021-04-01,day,KPK,,Attack,,2,2,,,"),
                        "format=native&dataset=" + DATASET)
                .statusCode(201);
        // month, precision, district, actor | incidents, killed, unknown, injured, unknown, casualties unknown,
        // civilians, unknown, security forces, unknown, militants, unknown
        List<String> expected = List.of(
                "2021-03 day PK-KP-BANNU TTP | 2 3 1 6 0 0 0 2 1 1 0 2",
                "2021-03 month PK-KP-BANNU TTP | 1 0 1 0 1 1 0 1 0 1 0 1",
                "2021-04 day null null | 1 2 0 0 1 0 2 0 0 1 0 1");
        assertEquals(expected, rows());

        // moving h4 to May and to Quetta empties April and fills May
        int id = Api.editor()
                .get("/api/v1/incidents?dataset=" + DATASET + "&from=2021-04-01&to=2021-04-30")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        Map<String, Object> moved = new HashMap<>();
        moved.put("date", "2021-05-02");
        moved.put("district", "Quetta");
        moved.put("killed", 7);
        moved.put("eventType", "Attack");
        moved.put("version", 0);
        Api.editor()
                .contentType(ContentType.JSON)
                .body(moved)
                .put("/api/v1/incidents/" + id)
                .then()
                .statusCode(200);
        Api.editor().delete("/api/v1/incidents/" + idOf("h3")).then().statusCode(204);
        List<String> edited = List.of(
                "2021-03 day PK-KP-BANNU TTP | 2 3 1 6 0 0 0 2 1 1 0 2",
                "2021-05 day PK-BA-QUETTA null | 1 7 0 0 1 0 0 1 0 1 0 1");
        assertEquals(edited, rows());

        // a rebuild gives the same rows
        given().post("/api/v1/admin/rollup/rebuild").then().statusCode(401);
        Api.editor()
                .post("/api/v1/admin/rollup/rebuild")
                .then()
                .statusCode(200)
                .body("rows", greaterThan(1))
                .body("check.consistent", is(true));
        assertEquals(edited, rows());
        given().get("/api/v1/admin/rollup/check").then().statusCode(401);
    }

    @Test
    void thePlacesRollupSumsTypesActorsAndDatePrecisionsOfAPlaceAndMonth() throws SQLException {
        String dataset = "roll-hand-places";
        Api.importCsv(
                        Api.nativeCsv(
                                "external_id,date,date_precision,province,district,event_type,actor,killed,"
                                        + "killed_civilians,killed_security_forces,killed_militants,injured",
                                "p1,2021-03-10,day,KPK,Bannu,Attack,TTP,3,,,,4",
                                "p2,2021-03-12,day,KPK,Bannu,Clash,BLA,,,,,2",
                                "p3,2021-03-15,day,KPK,Bannu,Drone strike,,1,1,,,",
                                "p4,2021-03-01,month,KPK,Bannu,Attack,TTP,2,,,,",
                                "p5,2021-01-01,year,KPK,Bannu,Attack,TTP,5,,,,1"),
                        "format=native&dataset=" + dataset)
                .statusCode(201);
        // incidents, killed, unknown, injured, unknown, casualties unknown, civilians, unknown,
        // security forces, unknown, militants, unknown, dated only by year: one row per month,
        // whatever the precisions in it (a year-dated incident is stored on its year's first day)
        assertEquals(
                List.of(
                        "2021-01 PK-KP-BANNU | 1 5 0 1 0 0 0 1 0 1 0 1 1",
                        "2021-03 PK-KP-BANNU | 4 6 1 6 2 0 1 3 0 4 0 4 0"),
                placeRows(dataset));
        Api.editor().delete("/api/v1/incidents/" + idOf("p1", dataset)).then().statusCode(204);
        Api.editor().delete("/api/v1/incidents/" + idOf("p5", dataset)).then().statusCode(204);
        assertEquals(List.of("2021-03 PK-KP-BANNU | 3 3 1 2 2 0 1 2 0 3 0 3 0"), placeRows(dataset));
    }

    private List<String> placeRows(String dataset) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT period_month, district_code,"
                        + " incidents, killed, killed_unknown, injured, injured_unknown, casualties_unknown,"
                        + " killed_civilians, killed_civilians_unknown, killed_security_forces,"
                        + " killed_security_forces_unknown, killed_militants, killed_militants_unknown, year_dated"
                        + " FROM incident_place_month_rollup WHERE dataset = ? ORDER BY period_month")) {
            s.setString(1, dataset);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 2; i++) {
                        row.append(rs.getString(i)).append(' ');
                    }
                    row.append('|');
                    for (int i = 3; i <= 15; i++) {
                        row.append(' ').append(rs.getLong(i));
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    private static int idOf(String externalId) {
        return idOf(externalId, DATASET);
    }

    private static int idOf(String externalId, String dataset) {
        List<Map<String, Object>> items = Api.editor()
                .get("/api/v1/incidents?size=100&dataset=" + dataset)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(i -> externalId.equals(i.get("externalId")))
                .map(i -> (Integer) i.get("id"))
                .findFirst()
                .orElseThrow();
    }

    private List<String> rows() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT period_month, date_precision, district_code, actor,"
                        + " incidents, killed, killed_unknown, injured, injured_unknown, casualties_unknown,"
                        + " killed_civilians, killed_civilians_unknown, killed_security_forces,"
                        + " killed_security_forces_unknown, killed_militants, killed_militants_unknown,"
                        + " province_code, category, event_type, period_year, period_quarter"
                        + " FROM incident_month_rollup WHERE dataset = ? ORDER BY period_month, date_precision")) {
            s.setString(1, DATASET);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 4; i++) {
                        row.append(rs.getString(i)).append(' ');
                    }
                    row.append('|');
                    for (int i = 5; i <= 16; i++) {
                        row.append(' ').append(rs.getLong(i));
                    }
                    String province = rs.getString(17);
                    assertEquals(
                            rs.getString(3) == null || rs.getString(3).startsWith("PK-KP") ? "PK-KP" : "PK-BA",
                            province);
                    assertEquals("armed-attack", rs.getString(18));
                    assertEquals("Attack", rs.getString(19));
                    assertEquals(2021, rs.getInt(20));
                    assertEquals(rs.getString(1).compareTo("2021-04") < 0 ? "2021-Q1" : "2021-Q2", rs.getString(21));
                    out.add(row.toString());
                }
            }
        }
        return out;
    }
}
