package org.militrend.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After the suite, the spool folder of the tests' service is empty (issue 12's acceptance). A
 * plain JUnit class: Quarkus's class orderer runs every {@code @QuarkusTest} (every import,
 * refusal and aborted upload of the suite) before the plain classes, so this looks at the folder
 * once they are all over, in each surefire execution (H2 and PostgreSQL).
 */
class SpoolLeftEmptyTest {

    @Test
    void theSuiteLeavesNoUploadInTheSpoolFolder() throws IOException {
        Path folder = Path.of(testDataDir(), "spool");
        List<Path> left;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                left = files.filter(Files::isRegularFile).toList();
            }
        } else {
            left = List.of();
        }
        assertEquals(List.of(), left, "uploads left in " + folder.toAbsolutePath());
    }

    /** The data folder the test profile gives the service (uploads wait in its spool folder). */
    private static String testDataDir() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            p.load(r);
        }
        String dir = p.getProperty("%test.militrend.data-dir");
        if (dir == null) {
            throw new IllegalStateException("application.properties sets no %test.militrend.data-dir");
        }
        return dir;
    }
}
