package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One reference series ({@code X.csv}) with the R figures of {@code X.R.json}. */
record ReferenceCase(String name, List<String> periods, double[] counts, double[] exposure, JsonNode json) {

    static final double REL = 1e-9;
    static final double TINY_P = 1e-12;
    static final double TINY_P_ABS = 1e-15;

    static Path directory() {
        return org.militrend.testing.SharedData.root().resolve("reference").resolve("trends");
    }

    /** Every {@code *.R.json} in the reference directory (must be at least one, each with its CSV). */
    static List<ReferenceCase> all() {
        Path dir = directory();
        assertTrue(Files.isDirectory(dir), "reference directory missing: " + dir);
        List<ReferenceCase> out = new ArrayList<>();
        // every file in the directory is accounted for: the README, and X.csv paired with X.R.json
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String fn = f.getFileName().toString();
                if (fn.endsWith(".csv")) {
                    assertTrue(
                            Files.exists(dir.resolve(fn.replace(".csv", ".R.json"))), fn + " has no .R.json reference");
                } else if (fn.endsWith(".R.json")) {
                    assertTrue(Files.exists(dir.resolve(fn.replace(".R.json", ".csv"))), fn + " has no .csv series");
                } else {
                    assertEquals("README.md", fn, "unexpected file in " + dir + " (not covered by the tests)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path json : files.filter(p -> p.getFileName().toString().endsWith(".R.json"))
                    .sorted()
                    .toList()) {
                String name = json.getFileName().toString().replace(".R.json", "");
                out.add(load(dir, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(out.size() >= 4, "expected the 4 reference series in " + dir + ", found " + out.size());
        return out;
    }

    static ReferenceCase load(Path dir, String name) throws IOException {
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve(name + ".R.json").toFile());
        List<String> lines = Files.readAllLines(dir.resolve(name + ".csv"));
        String[] header = lines.get(0).trim().split(",");
        assertEquals("period", header[0], name + ".csv header");
        assertEquals("count", header[1], name + ".csv header");
        boolean hasExposure = header.length > 2 && header[2].equals("exposure");
        List<String> periods = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(",");
            periods.add(f[0]);
            rows.add(new double[] {Double.parseDouble(f[1]), hasExposure ? Double.parseDouble(f[2]) : 0});
        }
        double[] counts = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] exposure = hasExposure ? rows.stream().mapToDouble(r -> r[1]).toArray() : null;
        return new ReferenceCase(name, List.copyOf(periods), counts, exposure, json);
    }

    String file() {
        return name + ".R.json";
    }

    YearMonth firstPeriod() {
        return YearMonth.parse(periods.get(0));
    }

    int[] calendarMonths() {
        return periods.stream()
                .mapToInt(p -> YearMonth.parse(p).getMonthValue())
                .toArray();
    }

    JsonNode at(String path) {
        JsonNode node = json.at(path);
        if (node.isMissingNode()) {
            fail(file() + ": no key " + path);
        }
        return node;
    }

    double num(String path) {
        JsonNode node = at(path);
        assertTrue(node.isNumber(), file() + path + " is not a number: " + node);
        return node.doubleValue();
    }

    double[] nums(String path) {
        JsonNode node = at(path);
        assertTrue(node.isArray(), file() + path + " is not an array");
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).doubleValue();
        }
        return out;
    }

    /** Asserts |actual - expected| ≤ 1e-9·|expected| (p-values below 1e-12: 1e-15 absolute). */
    void close(String path, double actual) {
        close(path, num(path), actual);
    }

    void close(String what, double expected, double actual) {
        assertTrue(Double.isFinite(actual), file() + " " + what + ": not finite: " + actual);
        double tol = Math.abs(expected) < TINY_P ? TINY_P_ABS : REL * Math.abs(expected);
        double diff = Math.abs(actual - expected);
        if (!(diff <= tol)) {
            fail(String.format(
                    "%s %s: expected %.17g but was %.17g (rel diff %.3g)",
                    file(), what, expected, actual, diff / Math.abs(expected)));
        }
    }

    void closeAll(String path, double[] actual) {
        double[] expected = nums(path);
        assertEquals(expected.length, actual.length, file() + " " + path + ": length");
        for (int i = 0; i < expected.length; i++) {
            close(path + "[" + i + "]", expected[i], actual[i]);
        }
    }

    void closeInterval(String path, Interval actual) {
        assertTrue(actual != null, file() + " " + path + ": interval missing");
        closeAll(path, actual.toArray());
    }
}
