package org.militrend.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.militrend.incident.IncidentValues;
import org.militrend.incident.LocationPrecision;
import org.militrend.place.PlaceResolver;
import org.militrend.place.Resolution;

/**
 * One pass over one file: parse (streaming), read rows with the format, resolve places, derive
 * keys, and hand chunks to the {@link IncidentWriter}. Shared by every format. Holds only the
 * current chunk and the capped lists of the report, never the file.
 */
final class ImportRun {

    private static final CSVFormat CSV = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .setIgnoreEmptyLines(true)
            .get();

    private static final int MAX_LINES_PER_PLACE = 50;
    private static final int MAX_CACHED_PLACES = 20_000;

    private final ImportFormat format;
    private final ImportOptions options;
    private final String dataset;
    private final PlaceResolver places;
    private final IncidentWriter writer;
    private final ImportProgress.Tracker tracker;
    private final int maxMessages;

    final List<ImportMessage> warnings = new ArrayList<>();
    final List<ImportMessage> errors = new ArrayList<>();
    final Map<String, Unresolved> unresolved = new LinkedHashMap<>();
    long warningCount;
    long errorCount;
    long rowsRead;
    long inserted;
    long updated;
    long unchanged;
    long rejected;
    /** The file cannot be read at all (bad header, broken CSV): nothing is written. */
    boolean fileRejected;

    private final Map<String, Resolution> resolutions = new HashMap<>();
    private final List<IncidentWriter.Pending> chunk = new ArrayList<>();

    static final class Unresolved {
        final String value;
        final String column;
        final List<Long> lines = new ArrayList<>();
        final List<String> suggestions;

        Unresolved(String value, String column, List<String> suggestions) {
            this.value = value;
            this.column = column;
            this.suggestions = suggestions;
        }

        UnresolvedPlace view() {
            return new UnresolvedPlace(value, column, lines, suggestions);
        }
    }

    ImportRun(
            ImportFormat format,
            ImportOptions options,
            String dataset,
            PlaceResolver places,
            IncidentWriter writer,
            ImportProgress.Tracker tracker,
            int maxMessages) {
        this.format = format;
        this.options = options;
        this.dataset = dataset;
        this.places = places;
        this.writer = writer;
        this.tracker = tracker;
        this.maxMessages = maxMessages;
    }

    /** Whether the data written so far must be kept (rolled back otherwise). */
    boolean keep() {
        return !fileRejected && (rejected == 0 || options.onError() == ImportOptions.OnError.SKIP);
    }

    void run(Reader reader) throws IOException, SQLException {
        try (CSVParser parser = CSV.parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<ImportMessage> headerProblems = format.checkHeader(header == null ? Map.of() : header, options);
            if (header == null || header.isEmpty()) {
                headerProblems = List.of(new ImportMessage(1L, null, null, "the file is empty: no header line"));
            }
            if (!headerProblems.isEmpty()) {
                headerProblems.forEach(this::error);
                fileRejected = true;
                return;
            }
            int width = header.size();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    error(new ImportMessage(
                            parser.getCurrentLineNumber(), null, null, "the CSV cannot be parsed here: " + reason(e)));
                    fileRejected = true;
                    return;
                }
                rowsRead++;
                // the row number as a spreadsheet shows it (header = 1), whatever line breaks the cells hold
                row(record, record.getRecordNumber() + 1, width);
                tracker.rows.set(rowsRead);
                if (chunk.size() >= writer.chunkSize()) {
                    flush();
                }
            }
            flush();
            if (options.onError() == ImportOptions.OnError.SKIP) {
                writer.finishQuarantine();
            }
        }
    }

    private void row(CSVRecord record, long line, int width) throws SQLException {
        RowContext ctx = new RowContext(line);
        if (record.size() > width && !extraCellsBlank(record, width)) {
            ctx.error(null, null, "the row has " + record.size() + " cells but the header has " + width);
        }
        IncidentDraft draft = ctx.rejected() ? null : format.read(record, ctx);
        IncidentValues values = draft == null || ctx.rejected() ? null : values(draft, ctx);
        ctx.warnings.forEach(this::warn);
        if (ctx.rejected() || values == null) {
            rejected++;
            ctx.errors.forEach(this::error);
            if (options.onError() == ImportOptions.OnError.SKIP) {
                String reason = String.join(
                        "; ",
                        ctx.errors.stream()
                                .map(m -> (m.column() == null ? "" : m.column() + ": ") + m.message())
                                .toList());
                writer.quarantine(line, CSVFormat.RFC4180.format(record.values()), reason);
            }
            return;
        }
        if (keep()) {
            chunk.add(new IncidentWriter.Pending(line, values, values.hash()));
        }
    }

    private void flush() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        if (keep()) {
            IncidentWriter.Outcome o = writer.flush(dataset, chunk);
            inserted += o.inserted();
            updated += o.updated();
            unchanged += o.unchanged();
            o.warnings().forEach(this::warn);
        }
        chunk.clear();
    }

    /** Resolves the place and the key of a read row; null (with an error) when it cannot be placed. */
    private IncidentValues values(IncidentDraft d, RowContext ctx) {
        String country = d.country() == null ? "Pakistan" : d.country();
        String provinceCode = null;
        String districtCode = null;
        LocationPrecision resolvedTo = LocationPrecision.COUNTRY;
        if (country.equalsIgnoreCase("Pakistan")) {
            if (d.province() == null && d.district() == null) {
                ctx.error(d.districtColumn(), null, "a district or a province is required");
                return null;
            }
            Resolution r = resolve(d.province(), d.district());
            if (r.warning() != null) {
                ctx.warn(d.districtColumn(), d.district(), r.warning());
            }
            if (r.district() != null) {
                districtCode = r.district().code();
                provinceCode = r.district().provinceCode();
                resolvedTo = LocationPrecision.DISTRICT;
            } else if (r.province() != null) {
                provinceCode = r.province().code();
                resolvedTo = LocationPrecision.PROVINCE;
                if (d.district() != null && r.districtUnknown()) {
                    unresolved(d.district(), d.districtColumn(), ctx.line, r.suggestions());
                    ctx.warn(
                            d.districtColumn(),
                            d.district(),
                            "unknown district; the incident is kept at province level"
                                    + (r.suggestions().isEmpty()
                                            ? ""
                                            : " (closest: " + String.join(", ", r.suggestions()) + ")"));
                }
            } else {
                String value = d.district() != null ? d.district() : d.province();
                String column = d.district() != null ? d.districtColumn() : d.provinceColumn();
                unresolved(value, column, ctx.line, r.suggestions());
                ctx.error(
                        column,
                        value,
                        "unknown place"
                                + (r.suggestions().isEmpty()
                                        ? ""
                                        : "; closest: " + String.join(", ", r.suggestions())));
                return null;
            }
        }
        LocationPrecision precision = d.locationPrecision();
        if (precision == null || precision.ordinal() < resolvedTo.ordinal()) {
            if (precision != null) {
                ctx.warn("location_precision", precision.key(), "the place resolves only to " + resolvedTo.key());
            }
            precision = resolvedTo;
        }
        IncidentValues v = new IncidentValues(
                dataset,
                d.externalId() == null ? "" : d.externalId(),
                d.date(),
                d.datePrecision(),
                country,
                provinceCode,
                districtCode,
                d.location(),
                precision,
                d.latitude(),
                d.longitude(),
                d.eventType(),
                d.actor(),
                d.target(),
                d.killed(),
                d.killedMin(),
                d.killedCivilians(),
                d.killedSecurityForces(),
                d.killedMilitants(),
                d.injured(),
                d.injuredMin(),
                d.source(),
                d.sourceUrl(),
                d.notes());
        if (d.externalId() != null) {
            return v;
        }
        // No id in the source: the key is the hash of the row itself, stable across re-imports.
        String key = "row-" + v.hash().substring(0, 32);
        return new IncidentValues(
                dataset,
                key,
                v.date(),
                v.datePrecision(),
                v.country(),
                v.provinceCode(),
                v.districtCode(),
                v.location(),
                v.locationPrecision(),
                v.latitude(),
                v.longitude(),
                v.eventType(),
                v.actor(),
                v.target(),
                v.killed(),
                v.killedMin(),
                v.killedCivilians(),
                v.killedSecurityForces(),
                v.killedMilitants(),
                v.injured(),
                v.injuredMin(),
                v.source(),
                v.sourceUrl(),
                v.notes());
    }

    private Resolution resolve(String province, String district) {
        String key = (province == null ? "" : province.toLowerCase(Locale.ROOT))
                + '\u0000'
                + (district == null ? "" : district.toLowerCase(Locale.ROOT));
        Resolution r = resolutions.get(key);
        if (r == null) {
            r = places.resolve(province, district);
            if (resolutions.size() < MAX_CACHED_PLACES) {
                resolutions.put(key, r);
            }
        }
        return r;
    }

    private void unresolved(String value, String column, long line, List<String> suggestions) {
        Unresolved u = unresolved.get(value);
        if (u == null) {
            if (unresolved.size() >= maxMessages) {
                return;
            }
            u = new Unresolved(value, column, suggestions);
            unresolved.put(value, u);
        }
        if (u.lines.size() < MAX_LINES_PER_PLACE) {
            u.lines.add(line);
        }
    }

    private void warn(ImportMessage m) {
        warningCount++;
        if (warnings.size() < maxMessages) {
            warnings.add(m);
        }
    }

    private void error(ImportMessage m) {
        errorCount++;
        if (errors.size() < maxMessages) {
            errors.add(m);
        }
    }

    private static boolean extraCellsBlank(CSVRecord record, int width) {
        for (int i = width; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String reason(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? "malformed CSV" : t.getMessage();
        // Commons CSV messages are readable but may name its own classes; keep the part after them.
        return m.replaceAll("[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w+", "").trim();
    }
}
