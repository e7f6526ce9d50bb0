package org.militrend.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.militrend.testing.Api;

/** Runs every {@code curl} line of the README against the running test service, as a reader would. */
@QuarkusTest
class ReadmeExamplesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyCurlExampleOfTheReadmeSucceeds() throws Exception {
        List<String> examples = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("curl "))
                .toList();
        assertTrue(examples.size() >= 8, "the README should show its API with curl: " + examples.size());
        String root = base.toString().replaceAll("/$", "");
        for (String example : examples) {
            assertTrue(example.contains("curl -fsS"), "examples must fail on HTTP errors (-fsS): " + example);
            String command = example.replace("http://localhost:8080", root);
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", command);
            pb.environment().put("MILITREND_EDITOR_TOKEN", Api.TOKEN);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + example);
            assertEquals(0, p.exitValue(), example + "\n" + err);
            assertFalse(out.isBlank(), "no output: " + example);
        }
    }
}
