package org.militrend.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.militrend.common.MilitrendConfig;
import org.militrend.common.ProblemException;
import org.militrend.incident.DataVersion;
import org.militrend.place.PlaceResolver;

/**
 * Runs imports: one transaction per import for the data (all or nothing under onError=fail,
 * rolled back for a dry run), and short transactions of their own for the report, which is
 * kept even when the data is not.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private static final Pattern DATASET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** An import of a few million rows takes minutes; the default of 60 s would abort it. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 6 * 3600;

    @Inject
    Instance<ImportFormat> formatBeans;

    @Inject
    PlaceResolver places;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Inject
    ImportStore store;

    @Inject
    ImportProgress progress;

    @Inject
    MilitrendConfig config;

    /** The formats by name. */
    public Map<String, String> formats() {
        Map<String, String> out = new TreeMap<>();
        formatBeans.forEach(f -> out.put(f.name(), f.defaultDataset().citation()));
        return out;
    }

    /** Imports a file on disk (the file is not deleted). */
    public ImportReport importFile(Path file, ImportOptions options) throws IOException {
        ImportFormat format = format(options.format());
        if (format instanceof MappedFormat && options.mapping() == null) {
            throw ProblemException.badParameter(
                    "mapping",
                    null,
                    "format=mapped needs a mapping: the multipart field 'mapping' or mapping={name} of a saved one");
        }
        String dataset = options.dataset() == null || options.dataset().isBlank()
                ? format.defaultDataset().name()
                : options.dataset().trim();
        if (!DATASET_NAME.matcher(dataset).matches()) {
            throw ProblemException.badParameter(
                    "dataset", dataset, "'dataset' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        boolean workbook = XlsxRowSource.isXlsx(file);
        // a workbook's text is XML in its own encoding: no pass over its bytes to guess a charset
        Charset charset = workbook
                ? StandardCharsets.UTF_8
                : options.charset() != null ? options.charset() : InputFiles.detect(file);
        long importId = store.start(options, dataset, charset.name());
        ImportProgress.Tracker tracker = progress.start(importId, Files.size(file));
        DatasetLock lock = DatasetLock.of(dataset);
        try {
            ImportRun run;
            lock.acquire();
            try {
                run = QuarkusTransaction.requiringNew()
                        .timeout(TRANSACTION_TIMEOUT_SECONDS)
                        .call(() ->
                                runInTransaction(file, workbook, charset, format, options, dataset, importId, tracker));
            } catch (Discard discarded) {
                run = discarded.run;
            } finally {
                lock.release();
            }
            ImportReport report = store.finish(importId, run, options);
            return options.dryRun() ? report.withPreview(run.preview) : report;
        } catch (RuntimeException e) {
            store.fail(importId, e);
            throw e;
        } finally {
            progress.finish(importId);
        }
    }

    /** Imports a stream (an upload): spooled to a temporary file first, then imported. */
    public ImportReport importStream(InputStream body, ImportOptions options) throws IOException {
        format(options.format());
        Path file = InputFiles.spool(body, spoolFolder());
        try {
            return importFile(file, options);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Where uploads wait while they are imported: one folder of the service, under its data
     * folder (multipart uploads land there too), emptied after every import and at start.
     */
    Path spoolFolder() {
        return Path.of(config.dataDir(), "spool");
    }

    private ImportRun runInTransaction(
            Path file,
            boolean workbook,
            Charset charset,
            ImportFormat format,
            ImportOptions options,
            String dataset,
            long importId,
            ImportProgress.Tracker tracker)
            throws IOException, SQLException {
        try (Connection c = dataSource.getConnection();
                IncidentWriter writer =
                        new IncidentWriter(c, importId, config.imports().batchSize(), format.releasesAreRevisions());
                Reader reader = reader(file, charset, tracker)) {
            DatasetLock.holdInDatabase(c, dataset);
            RowSource source = workbook ? new XlsxRowSource(file) : new CsvRowSource(reader);
            ImportRun run = new ImportRun(
                    format,
                    options,
                    dataset,
                    places,
                    writer,
                    tracker,
                    config.imports().maxMessages(),
                    config.country());
            long started = System.nanoTime();
            run.run(source);
            if (!run.keep() || options.dryRun()) {
                throw new Discard(run);
            } else {
                long read = System.nanoTime();
                writer.finishWrites();
                long written = System.nanoTime();
                registerDataset(c, dataset, format.defaultDataset(), options.claims());
                if (run.inserted + run.updated > 0) {
                    dataVersion.bump();
                    writer.refreshRollup();
                }
                // where an import's time goes after its last row is read: what nothing overlaps
                LOG.infof(
                        "import %d: %d rows read in %.1f s; the end of their writing %.1f s more, the rollups and the dataset %.1f s",
                        importId,
                        run.rowsRead,
                        (read - started) / 1e9,
                        (written - read) / 1e9,
                        (System.nanoTime() - written) / 1e9);
            }
            return run;
        }
    }

    /** Thrown out of the import's transaction to roll it back (dry run, or rows rejected). */
    private static final class Discard extends RuntimeException {
        final transient ImportRun run;

        Discard(ImportRun run) {
            super(null, null, false, false);
            this.run = run;
        }
    }

    private static Reader reader(Path file, Charset charset, ImportProgress.Tracker tracker) throws IOException {
        InputStream in = new CountingInputStream(Files.newInputStream(file), tracker.bytes);
        PushbackReader r = new PushbackReader(new BufferedReader(new InputStreamReader(in, charset), 1 << 16));
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    /**
     * Registers the dataset on its first import with the format's defaults (the citation only
     * under the format's own dataset name), then records what this import declares about it.
     */
    private static void registerDataset(
            Connection c, String name, DatasetInfo defaults, ImportOptions.DatasetClaims claims) throws SQLException {
        boolean known;
        try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM dataset WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet rs = find.executeQuery()) {
                known = rs.next();
            }
        }
        if (!known) {
            boolean own = name.equals(defaults.name());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO dataset (name, format, citation, licence,"
                    + " url, title, scope, complete, raw_access, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                String citation =
                        own ? defaults.citation() : "Dataset '" + name + "' (" + defaults.format() + " import)";
                insert.setString(1, name);
                insert.setString(2, defaults.format());
                insert.setString(3, citation);
                insert.setString(4, own ? defaults.licence() : null);
                insert.setString(5, own ? defaults.url() : null);
                insert.setString(6, own ? defaults.title() : citation);
                insert.setString(7, defaults.scope());
                insert.setBoolean(8, defaults.complete());
                // a source's terms travel with its rows whatever the dataset is called
                insert.setString(9, defaults.rawAccess());
                insert.setObject(10, OffsetDateTime.now());
                insert.executeUpdate();
            }
        }
        declare(c, name, "complete", claims.complete());
        declare(c, name, "coverage_from", claims.coverageFrom());
        declare(c, name, "coverage_to", claims.coverageTo());
    }

    private static void declare(Connection c, String dataset, String column, Object value) throws SQLException {
        if (value == null) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE dataset SET " + column + " = ? WHERE name = ?")) {
            update.setObject(1, value);
            update.setString(2, dataset);
            update.executeUpdate();
        }
    }

    private ImportFormat format(String name) {
        for (ImportFormat f : formatBeans) {
            if (f.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return f;
            }
        }
        List<String> known =
                formatBeans.stream().map(ImportFormat::name).sorted().toList();
        throw ProblemException.badParameter(
                "format", name, "unknown or unsupported format; supported: " + String.join(", ", known));
    }
}
