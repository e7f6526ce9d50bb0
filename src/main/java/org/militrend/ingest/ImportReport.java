package org.militrend.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The report of an import (contract section "Imports"), as POST /imports answers and GET
 * /imports/{id} returns it. {@code state} is running, completed, rejected (nothing written) or
 * failed (the service failed; nothing written); {@code progress} is set while it runs, {@code
 * preview} on a dry run's answer. {@code outOfScope} counts rows outside the service's country.
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
        long outOfScope,
        List<ImportMessage> warnings,
        List<ImportMessage> errors,
        List<UnresolvedPlace> unresolvedPlaces,
        long warningCount,
        long errorCount,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) ImportProgressView progress,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> preview) {

    public ImportReport {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        unresolvedPlaces = List.copyOf(unresolvedPlaces);
    }

    /** The report of a dry run with the first rows as they would be stored. */
    ImportReport withPreview(List<Map<String, Object>> rows) {
        return new ImportReport(
                importId,
                format,
                dataset,
                dryRun,
                onError,
                state,
                fileName,
                charset,
                rowsRead,
                inserted,
                updated,
                unchanged,
                rejected,
                outOfScope,
                warnings,
                errors,
                unresolvedPlaces,
                warningCount,
                errorCount,
                startedAt,
                finishedAt,
                progress,
                rows);
    }
}
