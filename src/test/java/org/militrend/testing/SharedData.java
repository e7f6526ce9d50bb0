package org.militrend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's shared folder: real data and R reference values. It is {@code ../shared} beside
 * the project; the build passes {@code shared.dir} (from {@code ${project.basedir}/../shared}),
 * so the tests find it from any working directory. Nothing else is tried: a missing folder fails
 * with every place that was looked at.
 */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("shared.dir");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "shared"));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the shared folder (with data/ and reference/) was not found; looked at "
                + candidates.stream()
                        .map(p -> p + " (" + p.toAbsolutePath().normalize() + ")")
                        .toList()
                + ". It belongs beside the project as ../shared; or run with -Dshared.dir=<folder>");
    }

    /** A file under the shared data/ folder. */
    public static Path data(String relative) {
        return root().resolve("data").resolve(relative);
    }

    public static Path pbcFile() {
        return root().resolve("data/pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv");
    }

    public static byte[] pbcBytes() {
        try {
            return Files.readAllBytes(pbcFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
