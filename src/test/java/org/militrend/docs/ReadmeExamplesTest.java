package org.militrend.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's example blocks through bash, as a reader would after the README's run command:
 * the service is configured with the settings that command gives it (read from the README and the
 * dev profile), and no variable is set for the examples. The only change to their text is the address:
 * {@code http://localhost:8080} becomes the test service's, so the suite never needs port 8080.
 */
@QuarkusTest
@TestProfile(ReadmeExamplesTest.AsTheRunCommand.class)
class ReadmeExamplesTest {

    private static final Path README = Path.of("README.md");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final String DEV_PROFILE = "%dev.";
    private static final String ADDRESS = "http://localhost:8080";

    /** The service as the README's run command starts it. */
    public static class AsTheRunCommand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return runCommandSettings();
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void theRunCommandConfiguresTheServiceTheExamplesTalkTo() {
        Map<String, String> settings = runCommandSettings();
        assertEquals("true", settings.get("militrend.demo-data"), "run command: " + settings);
        assertTrue(settings.containsKey("militrend.editor-token"), "run command sets the editor token: " + settings);
    }

    @Test
    void everyExampleBlockRunsAsWritten() throws Exception {
        List<String> blocks = bashBlocks().stream()
                .filter(b -> b.contains(ADDRESS) && b.contains("curl "))
                .toList();
        long curls = blocks.stream()
                .flatMap(b -> b.lines())
                .filter(l -> l.startsWith("curl "))
                .count();
        assertTrue(curls >= 8, "the README should show its API with curl: " + curls);
        String root = base.toString().replaceAll("/$", "");
        for (String block : blocks) {
            for (String line : block.lines().toList()) {
                if (line.startsWith("curl ")) {
                    assertTrue(line.contains("curl -fsS"), "examples must fail on HTTP errors (-fsS): " + line);
                }
            }
            ProcessBuilder pb =
                    new ProcessBuilder("bash", "-x", "-e", "-o", "pipefail", "-c", block.replace(ADDRESS, root));
            // nothing a reader was not told to set: not even a token the shell may happen to have
            pb.environment().keySet().removeIf(name -> name.startsWith("MILITREND_"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + block);
            assertEquals(0, p.exitValue(), "a README example failed:\n" + err);
            assertFalse(out.isBlank(), "no output: " + block);
        }
    }

    /** The contents of every ```bash block of the README, in order. */
    static List<String> bashBlocks() {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : readme().lines().toList()) {
            if (current == null && line.trim().equals("```bash")) {
                current = new StringBuilder();
            } else if (current != null && line.trim().equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    /**
     * The {@code militrend.*} settings the README's run command (its first bash block) gives the
     * service: Quarkus' dev mode reads the {@code %dev} profile of application.properties, and any
     * {@code -Dmilitrend.*} on the command line overrides it.
     */
    static Map<String, String> runCommandSettings() {
        String run = bashBlocks().get(0);
        assertTrue(run.contains("quarkus:dev"), "the first block of the README is the run command: " + run);
        Map<String, String> settings = new LinkedHashMap<>();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (name.startsWith(DEV_PROFILE + "militrend.")) {
                settings.put(name.substring(DEV_PROFILE.length()), properties.getProperty(name));
            }
        }
        Matcher m = Pattern.compile("-D(militrend\\.[\\w.-]+)=(\\S+)").matcher(run);
        while (m.find()) {
            settings.put(m.group(1), m.group(2));
        }
        return settings;
    }

    private static String readme() {
        try {
            return Files.readString(README);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
