package org.militrend.ingest;

import java.time.OffsetDateTime;

/** One line of the import history ({@code GET /imports}). */
public record ImportSummary(
        long importId,
        String format,
        String dataset,
        String fileName,
        boolean dryRun,
        String onError,
        String state,
        long rowsRead,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        long warningCount,
        long errorCount,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {}
