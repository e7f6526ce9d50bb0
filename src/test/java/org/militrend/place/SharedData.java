package org.militrend.place;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared data folder: system property {@code militrend.shared} (../shared), else /work/shared. */
final class SharedData {

    private SharedData() {}

    static Path dir() {
        String configured = System.getProperty("militrend.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "data"))) {
            return Path.of(configured);
        }
        Path fallback = Path.of("/work/shared");
        if (Files.isDirectory(fallback.resolve("data"))) {
            return fallback;
        }
        throw new IllegalStateException("shared data not found: set -Dmilitrend.shared=<folder with data/>");
    }

    static Path data(String relative) {
        return dir().resolve("data").resolve(relative);
    }
}
