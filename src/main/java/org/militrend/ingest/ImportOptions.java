package org.militrend.ingest;

import java.nio.charset.Charset;

/**
 * What an import was asked to do.
 *
 * @param charset null to detect (a BOM or valid UTF-8 means UTF-8, anything else Windows-1252)
 */
public record ImportOptions(
        String format,
        String dataset,
        boolean dryRun,
        OnError onError,
        boolean ignoreUnknownColumns,
        Charset charset,
        String fileName) {

    /** What happens to a file with rejected rows. */
    public enum OnError {
        /** Nothing is written (422). */
        FAIL,
        /** Good rows are written, rejected rows go to quarantine. */
        SKIP;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
