package org.militrend.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The report of an import (contract section "Imports"), as POST /imports answers and GET
 * /imports/{id} returns it. {@code state} is running, completed, rejected (nothing written) or
 * failed (the service failed; nothing written); {@code progress} is set while it runs.
 */
public record ImportReport(
        long importId,
        String format,
        String dataset,
        boolean dryRun,
        String onError,
        String state,
        String fileName,
        String charset,
        long rowsRead,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        List<ImportMessage> warnings,
        List<ImportMessage> errors,
        List<UnresolvedPlace> unresolvedPlaces,
        long warningCount,
        long errorCount,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) ImportProgressView progress) {

    public ImportReport {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        unresolvedPlaces = List.copyOf(unresolvedPlaces);
    }
}
