package org.militrend.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.militrend.common.ProblemException;

/**
 * {@code import FILE --format F [--dataset D] [--dry-run] [--on-error fail|skip]
 * [--ignore-unknown-columns] [--charset C] [--json]}: the command-line import. Prints rows done,
 * rate and time left every second on stderr, then the report. Exit status 0 when written (or a
 * clean dry run), 2 when rejected, 1 on a usage or service error.
 */
public class ImportCommand implements QuarkusApplication {

    private static final String USAGE = "usage: import FILE --format native|pbc-suicide [--dataset NAME] [--dry-run]"
            + " [--on-error fail|skip] [--ignore-unknown-columns] [--charset NAME] [--json]";

    @Inject
    ImportService service;

    @Inject
    ImportProgress progress;

    @Inject
    ObjectMapper json;

    @Override
    public int run(String... args) throws Exception {
        PrintStream err = System.err;
        String file = null;
        String format = null;
        String dataset = null;
        String onError = "fail";
        String charset = null;
        boolean dryRun = false;
        boolean ignoreUnknown = false;
        boolean asJson = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--format" -> format = ++i < args.length ? args[i] : null;
                case "--dataset" -> dataset = ++i < args.length ? args[i] : null;
                case "--on-error" -> onError = ++i < args.length ? args[i] : null;
                case "--charset" -> charset = ++i < args.length ? args[i] : null;
                case "--dry-run" -> dryRun = true;
                case "--ignore-unknown-columns" -> ignoreUnknown = true;
                case "--json" -> asJson = true;
                default -> {
                    if (a.startsWith("--") || file != null) {
                        err.println("unknown argument: " + a);
                        err.println(USAGE);
                        return 1;
                    }
                    file = a;
                }
            }
        }
        if (file == null || format == null || onError == null) {
            err.println(USAGE);
            return 1;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            err.println("cannot read " + path);
            return 1;
        }
        ImportOptions options = new ImportOptions(
                format.toLowerCase(Locale.ROOT),
                dataset,
                dryRun,
                "skip".equalsIgnoreCase(onError) ? ImportOptions.OnError.SKIP : ImportOptions.OnError.FAIL,
                ignoreUnknown,
                charset == null ? null : Charset.forName(charset),
                path.getFileName().toString());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.all().forEach(p -> err.println(line(p))), 1, 1, TimeUnit.SECONDS);
        ImportReport report;
        try {
            report = service.importFile(path, options);
        } catch (ProblemException e) {
            err.println("import refused: " + e.getMessage());
            return 1;
        } finally {
            ticker.shutdownNow();
        }
        if (asJson) {
            System.out.println(
                    json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "import %d (%s into %s): %s%n  rows read %d, inserted %d, updated %d, unchanged %d, rejected %d,"
                            + " out of scope %d, warnings %d, errors %d, unresolved places %d%n",
                    report.importId(),
                    report.format(),
                    report.dataset(),
                    report.state(),
                    report.rowsRead(),
                    report.inserted(),
                    report.updated(),
                    report.unchanged(),
                    report.rejected(),
                    report.outOfScope(),
                    report.warningCount(),
                    report.errorCount(),
                    report.unresolvedPlaces().size());
            System.out.printf(Locale.ROOT, "  took %.1f s, peak heap %d MB%n", seconds(report), peakHeapMb());
            report.errors().stream().limit(20).forEach(m -> System.out.println("  error   " + describe(m)));
            report.warnings().stream().limit(20).forEach(m -> System.out.println("  warning " + describe(m)));
        }
        return "rejected".equals(report.state()) ? 2 : 0;
    }

    private static double seconds(ImportReport r) {
        return r.finishedAt() == null
                ? 0
                : Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0;
    }

    /** Sum of the peak usage of the heap pools since start: what the import needed at most. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static String line(ImportProgressView p) {
        String left = p.secondsLeft() == null ? "?" : String.format(Locale.ROOT, "%.0f s", p.secondsLeft());
        double share = p.bytesTotal() == 0 ? 0 : 100.0 * p.bytesDone() / p.bytesTotal();
        return String.format(
                Locale.ROOT,
                "  %,d rows, %,.0f rows/s, %.0f%% of %,d bytes, about %s left",
                p.rowsDone(),
                p.rowsPerSecond(),
                share,
                p.bytesTotal(),
                left);
    }

    private static String describe(ImportMessage m) {
        return "line " + m.line() + (m.column() == null ? "" : ", column " + m.column())
                + (m.value() == null ? "" : ", value '" + m.value() + "'") + ": " + m.message();
    }
}
