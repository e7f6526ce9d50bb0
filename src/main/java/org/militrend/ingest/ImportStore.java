package org.militrend.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.militrend.common.ProblemException;

/** The import history: reports and their messages, each written in a short transaction of its own. */
@ApplicationScoped
class ImportStore {

    private static final String SEPARATOR = "\u001f";

    @Inject
    ImportProgress progress;

    long start(ImportOptions options, String dataset, String charset) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportBatch b = new ImportBatch();
            b.format = options.format();
            b.dataset = dataset;
            b.fileName = cut(options.fileName(), 255);
            b.charset = charset;
            b.dryRun = options.dryRun();
            b.onError = options.onError().key();
            b.status = "running";
            b.startedAt = OffsetDateTime.now();
            b.sourceRelease = Cells.printable(options.claims().release());
            b.persist();
            return b.id;
        });
    }

    ImportReport finish(long importId, ImportRun run, ImportOptions options) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportBatch b = ImportBatch.findById(importId);
            boolean kept = run.keep();
            b.status = kept ? "completed" : "rejected";
            b.rowsRead = (int) run.rowsRead;
            // a rejected import wrote nothing, whatever it would have written
            b.inserted = kept ? (int) run.inserted : 0;
            b.updated = kept ? (int) run.updated : 0;
            b.unchanged = kept ? (int) run.unchanged : 0;
            b.rejected = (int) run.rejected;
            b.outOfScope = (int) run.outOfScope;
            b.warningCount = (int) run.warningCount;
            b.errorCount = (int) run.errorCount;
            b.finishedAt = OffsetDateTime.now();
            List<ImportMessageRow> rows = new ArrayList<>();
            run.warnings.forEach(m -> rows.add(row(importId, "warning", m)));
            run.errors.forEach(m -> rows.add(row(importId, "error", m)));
            for (ImportRun.Unresolved u : run.unresolved.values()) {
                ImportMessageRow r = new ImportMessageRow();
                r.importId = importId;
                r.kind = "unresolved";
                r.columnName = u.column;
                r.cellValue = cut(u.value, 1000);
                r.message = cut(
                        String.join(",", u.lines.stream().map(String::valueOf).toList())
                                + SEPARATOR
                                + String.join(SEPARATOR, u.suggestions),
                        2000);
                rows.add(r);
            }
            ImportMessageRow.persist(rows);
            return report(b);
        });
    }

    /** Records that the import stopped on a failure (nothing of its data is kept), with its reason. */
    void fail(long importId, Throwable failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportBatch b = ImportBatch.findById(importId);
            if (b != null) {
                b.status = "failed";
                b.finishedAt = OffsetDateTime.now();
                b.errorCount = 1;
                ImportMessageRow.persist(row(
                        importId,
                        "error",
                        new ImportMessage(null, null, null, "the import failed: " + reason(failure))));
            }
        });
    }

    /** The innermost message of a failure (the database's own words for a failed write). */
    private static String reason(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return reason == null ? failure.getClass().getSimpleName() : reason;
    }

    Optional<ImportReport> find(long importId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportBatch b = ImportBatch.findById(importId);
            return Optional.ofNullable(b).map(this::report);
        });
    }

    List<ImportSummary> list(int page, int size) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        ImportBatch.<ImportBatch>findAll(Sort.descending("id"))
                                .page(Page.of(page, size))
                                .list()
                                .stream()
                                .map(b -> new ImportSummary(
                                        b.id,
                                        b.format,
                                        b.dataset,
                                        b.fileName,
                                        b.dryRun,
                                        b.onError,
                                        b.status,
                                        b.rowsRead,
                                        b.inserted,
                                        b.updated,
                                        b.unchanged,
                                        b.rejected,
                                        b.warningCount,
                                        b.errorCount,
                                        b.startedAt,
                                        b.finishedAt))
                                .toList());
    }

    List<QuarantineEntry> quarantine(long importId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (ImportBatch.findById(importId) == null) {
                throw ProblemException.notFound("import " + importId);
            }
            return QuarantinedRow.<QuarantinedRow>find("importId", Sort.by("lineNumber"), importId).list().stream()
                    .map(q -> new QuarantineEntry(q.lineNumber, q.rawLine, q.reason))
                    .toList();
        });
    }

    private ImportReport report(ImportBatch b) {
        List<ImportMessageRow> rows = ImportMessageRow.list("importId", Sort.by("id"), b.id);
        List<ImportMessage> warnings = new ArrayList<>();
        List<ImportMessage> errors = new ArrayList<>();
        List<UnresolvedPlace> unresolved = new ArrayList<>();
        for (ImportMessageRow r : rows) {
            switch (r.kind) {
                case "warning" -> warnings.add(new ImportMessage(r.lineNumber, r.columnName, r.cellValue, r.message));
                case "error" -> errors.add(new ImportMessage(r.lineNumber, r.columnName, r.cellValue, r.message));
                default -> {
                    String[] parts = r.message.split(SEPARATOR, -1);
                    List<Long> lines = parts[0].isEmpty()
                            ? List.of()
                            : Arrays.stream(parts[0].split(","))
                                    .map(Long::valueOf)
                                    .toList();
                    List<String> suggestions = Arrays.stream(parts)
                            .skip(1)
                            .filter(s -> !s.isEmpty())
                            .toList();
                    unresolved.add(new UnresolvedPlace(r.cellValue, r.columnName, lines, suggestions));
                }
            }
        }
        return new ImportReport(
                b.id,
                b.format,
                b.dataset,
                b.dryRun,
                b.onError,
                b.status,
                b.fileName,
                b.charset,
                b.rowsRead,
                b.inserted,
                b.updated,
                b.unchanged,
                b.rejected,
                b.outOfScope,
                warnings,
                errors,
                unresolved,
                b.warningCount,
                b.errorCount,
                b.startedAt,
                b.finishedAt,
                progress.of(b.id).orElse(null),
                null);
    }

    private static ImportMessageRow row(long importId, String kind, ImportMessage m) {
        ImportMessageRow r = new ImportMessageRow();
        r.importId = importId;
        r.kind = kind;
        r.lineNumber = m.line();
        r.columnName = cut(m.column(), 120);
        r.cellValue = cut(m.value(), 1000);
        r.message = cut(m.message(), 2000);
        return r;
    }

    private static String cut(String s, int max) {
        return Cells.printable(s == null || s.length() <= max ? s : s.substring(0, max));
    }
}
