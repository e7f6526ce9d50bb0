package org.militrend.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives every {@code @QuarkusTest} a fresh, real database.
 *
 * <p>The surefire execution sets {@code test.database}: {@code h2} wipes the embedded H2 file
 * under target/, {@code postgres} starts a real PostgreSQL server from the zonky binaries (or uses
 * an external one named by {@code MILITREND_TEST_PG_URL}, {@code MILITREND_TEST_PG_USER}, {@code
 * MILITREND_TEST_PG_PASSWORD}, whose public schema is dropped first).
 */
public class DatabaseResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("test.database"));
    }

    @Override
    public Map<String, String> start() {
        if (!onPostgres()) {
            deleteH2Files();
            return Map.of();
        }
        String external = System.getenv("MILITREND_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            String user = System.getenv().getOrDefault("MILITREND_TEST_PG_USER", "postgres");
            String password = System.getenv().getOrDefault("MILITREND_TEST_PG_PASSWORD", "");
            resetExternal(external, user, password);
            return Map.of(
                    "quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", user,
                    "quarkus.datasource.password", password);
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void resetExternal(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset the external test database " + url, e);
        }
    }

    private static void deleteH2Files() {
        Path dir = Path.of("target", "h2-test");
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
