package org.militrend.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared folder (../shared beside the checkout): real data and R reference values. */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        String configured = System.getProperty("shared.dir");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(p) && Files.isDirectory(Path.of("/work/shared"))) {
            p = Path.of("/work/shared");
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException(
                    "shared data folder not found at " + p.toAbsolutePath() + " (set -Dshared.dir=...)");
        }
        return p;
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
