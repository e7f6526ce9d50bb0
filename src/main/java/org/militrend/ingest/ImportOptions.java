package org.militrend.ingest;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What an import was asked to do.
 *
 * @param charset null to detect (a BOM or valid UTF-8 means UTF-8, anything else Windows-1252)
 * @param mapping the column mapping of {@code format=mapped}; null for the other formats
 */
public record ImportOptions(
        String format,
        String dataset,
        boolean dryRun,
        OnError onError,
        boolean ignoreUnknownColumns,
        Charset charset,
        String fileName,
        DatasetClaims claims,
        ColumnMapping mapping) {

    public ImportOptions {
        claims = claims == null ? DatasetClaims.NONE : claims;
    }

    /** The options of an import that declares nothing about its dataset and has no mapping. */
    public ImportOptions(
            String format,
            String dataset,
            boolean dryRun,
            OnError onError,
            boolean ignoreUnknownColumns,
            Charset charset,
            String fileName) {
        this(format, dataset, dryRun, onError, ignoreUnknownColumns, charset, fileName, DatasetClaims.NONE, null);
    }

    /**
     * What an import declares about its dataset (contract "Datasets"); null means "not declared".
     *
     * @param release the dataset release the rows come from (UCDP "23.1", an ACLED export date)
     */
    public record DatasetClaims(Boolean complete, LocalDate coverageFrom, LocalDate coverageTo, String release) {
        public static final DatasetClaims NONE = new DatasetClaims(null, null, null, null);
    }

    /** What happens to a file with rejected rows. */
    public enum OnError {
        /** Nothing is written (422). */
        FAIL,
        /** Good rows are written, rejected rows go to quarantine. */
        SKIP;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
