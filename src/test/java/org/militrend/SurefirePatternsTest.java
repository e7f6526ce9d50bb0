package org.militrend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every class under src/test that declares a test is one surefire runs: its default includes are
 * Test*, *Test, *Tests and *TestCase, and the pom excludes *Benchmark* (run by src/bench). A
 * property class named otherwise once sat in the suite for months without ever running.
 */
@Tag("no-db")
class SurefirePatternsTest {

    private static final Pattern DECLARES_A_TEST = Pattern.compile(
            "^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b", Pattern.MULTILINE);

    @Test
    void everyClassWithTestsMatchesTheIncludes() throws IOException {
        List<Path> withTests;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            withTests = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(SurefirePatternsTest::declaresATest)
                    .toList();
        }
        assertTrue(withTests.size() >= 30, "expected the suite's test classes, found " + withTests.size());
        List<String> skipped = withTests.stream()
                .map(f -> f.getFileName().toString().replace(".java", ""))
                .filter(name -> !(name.startsWith("Test")
                        || name.endsWith("Test")
                        || name.endsWith("Tests")
                        || name.endsWith("TestCase")))
                .toList();
        assertEquals(List.of(), skipped, "test classes surefire's includes would skip");
        List<String> excluded = withTests.stream()
                .map(f -> f.getFileName().toString())
                .filter(name -> name.contains("Benchmark"))
                .toList();
        assertEquals(List.of(), excluded, "test classes the pom's *Benchmark* exclude would skip");
    }

    private static boolean declaresATest(Path file) {
        try {
            return DECLARES_A_TEST.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
