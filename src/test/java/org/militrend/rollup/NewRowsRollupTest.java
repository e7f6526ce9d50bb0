package org.militrend.rollup;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/**
 * An import into a dataset that held no rows writes the rollup sums it kept while writing, in
 * place of a GROUP BY over the rows: they must equal that GROUP BY on both rollups, with NULL
 * places, types and actors, unknown counts and every precision (RollupPropertyTest's rows); an import that also updates
 * (a key repeated in a later chunk) recomputes instead; and the sums are never written over
 * rollup rows that another writer left in the dataset, nor past their bound.
 */
@QuarkusTest
class NewRowsRollupTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSumsKeptWhileImportingEqualTheGroupByOverTheImportedRows() throws SQLException {
        String dataset = "new-rows-sums";
        Random random = new Random(20261130);
        StringBuilder csv = new StringBuilder(RandomNativeRows.HEADER).append('\n');
        for (int i = 0; i < 2600; i++) {
            csv.append(RollupPropertyTest.row(random, "n" + i)).append('\n');
        }
        // a key twice in one chunk: the later row wins, and only it is counted
        csv.append(RollupPropertyTest.row(random, "n2599")).append('\n');
        Api.importCsv(csv.toString(), "format=native&dataset=" + dataset)
                .statusCode(201)
                .body("inserted", is(2600))
                .body("updated", is(0));

        assertEquals(2600, incidentsOf(dataset));
        assertSameAsGroupBy(dataset);
    }

    @Test
    void anImportThatAlsoUpdatesItsOwnRowsRecomputesTheRollups() throws SQLException {
        String dataset = "new-rows-updated";
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder(RandomNativeRows.HEADER).append('\n');
        for (int i = 0; i < 1500; i++) {
            csv.append(RollupPropertyTest.row(random, "u" + i)).append('\n');
        }
        // the key of row 5 again in a later chunk, in another year, place and type
        csv.append("u5,2017-07-01,day,Balochistan,Quetta,Clash,BLA,40,,,,").append('\n');
        Api.importCsv(csv.toString(), "format=native&dataset=" + dataset)
                .statusCode(201)
                .body("inserted", is(1500))
                .body("updated", is(1));

        assertSameAsGroupBy(dataset);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT SUM(incidents), SUM(killed) FROM incident_month_rollup"
                        + " WHERE dataset = ? AND period_month = '2017-07'")) {
            s.setString(1, dataset);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
                assertEquals(40, rs.getLong(2));
            }
        }
    }

    @Test
    void theSumsAreNotWrittenOverAnotherWritersRowsNorBeyondTheirBound() throws SQLException {
        String dataset = "new-rows-other-writer";
        // another writer's incident, committed with its rollup rows
        Api.editor()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "dataset", dataset,
                        "date", "2020-01-05",
                        "datePrecision", "day",
                        "province", "Khyber Pakhtunkhwa",
                        "district", "Bannu",
                        "eventType", "Attack",
                        "killed", 2))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201);
        NewRowsRollup.Group group = new NewRowsRollup.Group(
                new NewRowsRollup.Place("PK-KP", "PK-KP-BANNU", null), "armed-attack", "Attack", null, 2020, 1, "day");
        NewRowsRollup.Counts counts = new NewRowsRollup.Counts(1, null, null, null, null);

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                NewRowsRollup over = new NewRowsRollup(dataset, 10);
                over.add(group, counts);
                assertTrue(over.usable());
                assertFalse(over.write(c), "the dataset has another writer's rollup rows");

                NewRowsRollup bounded = new NewRowsRollup("new-rows-bounded", 1);
                bounded.add(group, counts);
                bounded.add(group, counts);
                assertTrue(bounded.usable(), "one group, counted twice");
                bounded.add(
                        new NewRowsRollup.Group(group.place(), "armed-attack", "Attack", "TTP", 2020, 1, "day"),
                        counts);
                assertFalse(bounded.usable(), "a second group is past the bound");
                assertFalse(bounded.write(c));

                NewRowsRollup fresh = new NewRowsRollup("new-rows-fresh", 10);
                fresh.add(group, counts);
                fresh.add(group, new NewRowsRollup.Counts(null, 3, 1, 2, null));
                assertTrue(fresh.write(c));
                try (PreparedStatement s = c.prepareStatement("SELECT period_year, period_quarter, period_month,"
                        + " date_precision, " + Rollup.SUM_COLUMNS + " FROM incident_month_rollup WHERE dataset = ?")) {
                    s.setString(1, "new-rows-fresh");
                    try (ResultSet rs = s.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(2020, rs.getInt(1));
                        assertEquals("2020-Q1", rs.getString(2));
                        assertEquals("2020-01", rs.getString(3));
                        assertEquals("day", rs.getString(4));
                        // incidents, killed, unknown, injured, unknown, casualties unknown, civilians,
                        // unknown, security forces, unknown, militants, unknown
                        long[] expected = {2, 1, 1, 3, 1, 0, 1, 1, 2, 1, 0, 2};
                        for (int i = 0; i < expected.length; i++) {
                            assertEquals(expected[i], rs.getLong(5 + i), "sum column " + i);
                        }
                        assertFalse(rs.next());
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private long incidentsOf(String dataset) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM incident WHERE dataset = ?")) {
            s.setString(1, dataset);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Both rollups of the dataset hold exactly the rows of a GROUP BY over its incidents on their
     * keys: none in one and not the other, and as many rows as groups.
     */
    private void assertSameAsGroupBy(String dataset) throws SQLException {
        for (RollupTable t : RollupTable.values()) {
            String stored = "SELECT " + t.key() + ", " + t.sumColumns() + " FROM " + t.table() + " WHERE dataset = ?";
            String grouped = "SELECT " + t.key() + ", " + t.sumsOverIncidents()
                    + " FROM incident WHERE dataset = ? GROUP BY " + t.key();
            for (String sql : List.of(
                    "SELECT COUNT(*) FROM (" + stored + " EXCEPT " + grouped + ") t",
                    "SELECT COUNT(*) FROM (" + grouped + " EXCEPT " + stored + ") t")) {
                assertEquals(0, count(sql, dataset), t + ": " + sql);
            }
            long groups = count("SELECT COUNT(*) FROM (" + grouped + ") t", dataset);
            long rows = count("SELECT COUNT(*) FROM (" + stored + ") t", dataset);
            assertTrue(groups > 1, t + " has groups");
            assertEquals(groups, rows, t + ": one row per group");
        }
        Api.editor().get("/api/v1/admin/rollup/check").then().statusCode(200).body("consistent", is(true));
    }

    private long count(String sql, String dataset) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= sql.chars().filter(ch -> ch == '?').count(); i++) {
                s.setString(i, dataset);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
