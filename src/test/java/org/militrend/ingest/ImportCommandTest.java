package org.militrend.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.militrend.testing.SharedData;

/** The command-line import runs the same import code as the API, against the real database. */
@QuarkusMainTest
class ImportCommandTest {

    @Test
    void importsThePbcFileFromTheCommandLine(QuarkusMainLauncher launcher) {
        String file = SharedData.pbcFile().toString();
        LaunchResult dry = launcher.launch("import", file, "--format", "pbc-suicide", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.getErrorOutput());
        assertTrue(dry.getOutput().contains("rows read 496, inserted 496"), dry.getOutput());

        LaunchResult real = launcher.launch("import", file, "--format", "pbc-suicide", "--dataset", "cli-pbc");
        assertEquals(0, real.exitCode(), real.getErrorOutput());
        assertTrue(real.getOutput().contains(": completed"), real.getOutput());
        assertTrue(real.getOutput().contains("rejected 0"), real.getOutput());
    }

    @Test
    void aRejectedFileExitsWithTwoAndNamesTheLine(QuarkusMainLauncher launcher) throws Exception {
        Path file = Files.createTempFile("militrend-cli", ".csv");
        Files.writeString(
                file, "external_id,date,district\nx1,2017-01-01,Bannu\nx2,2017-02-30,Bannu\n", StandardCharsets.UTF_8);
        LaunchResult r = launcher.launch("import", file.toString(), "--format", "native", "--dataset", "cli-bad");
        assertEquals(2, r.exitCode(), r.getOutput() + r.getErrorOutput());
        assertTrue(r.getOutput().contains("line 3, column date, value '2017-02-30'"), r.getOutput());
        Files.delete(file);
    }

    @Test
    void aMissingFormatPrintsTheUsage(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("import", "nothing.csv");
        assertEquals(1, r.exitCode());
        assertTrue(r.getErrorOutput().contains("usage: import FILE --format"), r.getErrorOutput());
    }
}
