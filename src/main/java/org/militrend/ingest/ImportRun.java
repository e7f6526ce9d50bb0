package org.militrend.ingest;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.militrend.common.DateBounds;
import org.militrend.incident.EventDetail;
import org.militrend.incident.IncidentValues;
import org.militrend.incident.LocationPrecision;
import org.militrend.incident.ResolvedPlace;
import org.militrend.place.DivisionRef;
import org.militrend.place.PlaceResolver;
import org.militrend.place.Resolution;

/**
 * One pass over one file: parse (streaming), read rows with the format, resolve places, derive
 * keys, and hand chunks to the {@link IncidentWriter}. Shared by every format. Holds only the
 * current chunk and the capped lists of the report, never the file.
 */
final class ImportRun {

    private static final int MAX_LINES_PER_PLACE = 50;
    private static final int PREVIEW_ROWS = 20;
    private static final int MAX_CACHED_PLACES = 20_000;
    /** Longer than any place name of the gazetteer or of a real source (the longest are ~40). */
    static final int MAX_PLACE_CHARS = 200;

    private final ImportFormat format;
    private final ImportOptions options;
    private final String dataset;
    private final PlaceResolver places;
    private final IncidentWriter writer;
    private final ImportProgress.Tracker tracker;
    private final int maxMessages;
    private final String country;
    private int width;

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
    long outOfScope;
    /** A dry run's first rows as they would be stored. */
    final List<Map<String, Object>> preview = new ArrayList<>();
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
            int maxMessages,
            String country) {
        this.format = format;
        this.options = options;
        this.dataset = dataset;
        this.places = places;
        this.writer = writer;
        this.tracker = tracker;
        this.maxMessages = maxMessages;
        this.country = country;
    }

    /** Whether the data written so far must be kept (rolled back otherwise). */
    boolean keep() {
        return !fileRejected && (rejected == 0 || options.onError() == ImportOptions.OnError.SKIP);
    }

    void run(RowSource source) throws IOException, SQLException {
        try {
            source.read(new RowSource.Sink() {
                @Override
                public boolean header(List<String> names) {
                    return acceptHeader(names);
                }

                @Override
                public void row(SourceRow row) throws SQLException {
                    rowsRead++;
                    ImportRun.this.row(row);
                    tracker.rows.set(rowsRead);
                    if (chunk.size() >= writer.chunkSize()) {
                        flush();
                    }
                }
            });
        } catch (RowSource.Unreadable e) {
            error(new ImportMessage(e.line, null, null, e.getMessage()));
            fileRejected = true;
            return;
        }
        if (fileRejected) {
            return;
        }
        flush();
        if (options.onError() == ImportOptions.OnError.SKIP) {
            writer.finishQuarantine();
        }
    }

    private boolean acceptHeader(List<String> names) {
        List<ImportMessage> problems = names.isEmpty()
                ? List.of(new ImportMessage(1L, null, null, "the file is empty: no header line"))
                : headerProblems(names);
        if (problems.isEmpty()) {
            problems = format.checkHeader(names, options);
        }
        if (!problems.isEmpty()) {
            problems.forEach(this::error);
            fileRejected = true;
            return false;
        }
        width = names.size();
        return true;
    }

    /**
     * Problems of any header, whatever the format: a name given twice (which of the two columns
     * would be read?), a quote inside a name (a broken quote that may have shifted every column),
     * and NUL characters (a UTF-16 file without byte-order mark, or a binary file).
     */
    private static List<ImportMessage> headerProblems(List<String> names) {
        List<ImportMessage> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.indexOf('\u0000') >= 0) {
                problems.add(new ImportMessage(
                        1L,
                        null,
                        Cells.printable(Cells.shorten(name)),
                        "the header holds NUL characters: is the file UTF-16 without a byte-order mark, or not"
                                + " text? Save it as UTF-8"));
                return problems;
            }
            if (name.indexOf('"') >= 0) {
                problems.add(new ImportMessage(
                        1L, Cells.shorten(name), Cells.shorten(name), "a header name holds a quote character"));
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null && !name.isBlank()) {
                problems.add(new ImportMessage(
                        1L,
                        Cells.shorten(name),
                        Cells.shorten(name),
                        "the column '" + Cells.shorten(name) + "' appears more than once (columns " + (first + 1)
                                + " and " + (i + 1) + ")"));
            }
        }
        return problems;
    }

    private void row(SourceRow record) throws SQLException {
        RowContext ctx = new RowContext(record.line);
        checkCells(record, ctx);
        if (ctx.rejected()) {
            reject(record, ctx);
            return;
        }
        String rowCountry = RowContext.clean(format.country(record));
        if (rowCountry != null && !rowCountry.equalsIgnoreCase(country)) {
            outOfScope++;
            return;
        }
        if (record.overflows(width) || record.cells().size() < width) {
            ctx.error(null, null, "the row has " + record.cells().size() + " cells but the header has " + width);
        }
        IncidentDraft draft = ctx.rejected() ? null : format.read(record, ctx, options);
        IncidentValues values = draft == null || ctx.rejected() ? null : values(draft, ctx);
        ctx.warnings.forEach(this::warn);
        if (ctx.rejected() || values == null) {
            reject(record, ctx);
            return;
        }
        if (options.dryRun() && preview.size() < PREVIEW_ROWS) {
            preview.add(PreviewRow.of(values));
        }
        if (keep()) {
            chunk.add(new IncidentWriter.Pending(record.line, values, values.hash(), division(values, draft.place())));
        }
    }

    /**
     * A NUL character in a cell rejects the row: PostgreSQL cannot store it in text, and no real
     * source has one. The report shows it as U+FFFD.
     */
    private void checkCells(SourceRow record, RowContext ctx) {
        List<String> cells = record.cells();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell != null && cell.indexOf('\u0000') >= 0) {
                ctx.error(
                        record.columnName(i),
                        Cells.printable(Cells.shorten(cell)),
                        "the cell holds a NUL character (is the file UTF-16, or not text?)");
            }
        }
    }

    private void reject(SourceRow record, RowContext ctx) throws SQLException {
        rejected++;
        ctx.errors.forEach(this::error);
        if (options.onError() == ImportOptions.OnError.SKIP) {
            String reason = String.join(
                    "; ",
                    ctx.errors.stream()
                            .map(m -> (m.column() == null ? "" : m.column() + ": ") + m.message())
                            .toList());
            writer.quarantine(
                    record.line,
                    Cells.printable(CSVFormat.RFC4180.format(record.cells().toArray())),
                    reason);
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
        LocalDate date = d.when().date();
        if (date != null && !DateBounds.contains(date)) {
            ctx.error(
                    format.dateColumn(),
                    date.toString(),
                    "the date must lie between " + DateBounds.EARLIEST + " and " + DateBounds.latest()
                            + " (one year from today)");
            return null;
        }
        PlaceAsWritten p = d.place();
        if (tooLongForAPlace(p.provinceColumn(), p.province(), ctx)
                || tooLongForAPlace(p.districtColumn(), p.district(), ctx)) {
            return null;
        }
        String rowCountry = p.country() == null ? country : p.country();
        String provinceCode = null;
        String districtCode = null;
        LocationPrecision resolvedTo = LocationPrecision.COUNTRY;
        if (rowCountry.equalsIgnoreCase(country)) {
            if (p.province() == null && p.district() == null) {
                ctx.error(p.districtColumn(), null, "a district or a province is required");
                return null;
            }
            Resolution r = resolveWithFallbacks(p);
            if (r.warning() != null) {
                ctx.warn(p.districtColumn(), p.district(), r.warning());
            }
            if (r.district() != null) {
                districtCode = r.district().code();
                provinceCode = r.district().provinceCode();
                resolvedTo = LocationPrecision.DISTRICT;
            } else if (r.province() != null) {
                provinceCode = r.province().code();
                resolvedTo = LocationPrecision.PROVINCE;
                if (p.district() != null && r.districtUnknown()) {
                    unresolved(p.district(), p.districtColumn(), ctx.line, r.suggestions());
                    ctx.warn(
                            p.districtColumn(),
                            p.district(),
                            "unknown district; the incident is kept at province level"
                                    + (r.suggestions().isEmpty()
                                            ? ""
                                            : " (closest: " + String.join(", ", r.suggestions()) + ")"));
                }
            } else {
                String value = p.district() != null ? p.district() : p.province();
                String column = p.district() != null ? p.districtColumn() : p.provinceColumn();
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
        LocationPrecision precision = p.locationPrecision();
        if (precision == null || precision.ordinal() < resolvedTo.ordinal()) {
            if (precision != null) {
                ctx.warn("location_precision", precision.key(), "the place resolves only to " + resolvedTo.key());
            }
            precision = resolvedTo;
        }
        EventDetail detail = d.detail();
        if (detail.sourceRelease() == null && options.claims().release() != null) {
            detail = detail.withRelease(options.claims().release());
        }
        IncidentValues v = new IncidentValues(
                dataset,
                d.externalId() == null ? "" : d.externalId(),
                d.when(),
                new ResolvedPlace(
                        rowCountry, provinceCode, districtCode, p.location(), precision, p.latitude(), p.longitude()),
                d.event(),
                d.casualties(),
                d.provenance(),
                detail);
        if (d.externalId() != null) {
            return v;
        }
        // No id in the source: the key is the hash of the row itself, stable across re-imports.
        return v.withExternalId("row-" + v.hash().substring(0, 32));
    }

    /**
     * The division of the row's place: its district's, or for a row kept at province level the
     * division its place names ("Karachi"), resolved again since only those rows need it.
     */
    private String division(IncidentValues v, PlaceAsWritten written) {
        ResolvedPlace resolved = v.place();
        if (resolved.districtCode() != null) {
            return places.divisionOfDistrict(resolved.districtCode())
                    .map(DivisionRef::code)
                    .orElse(null);
        }
        if (resolved.provinceCode() == null || written.district() == null) {
            return null;
        }
        DivisionRef division = resolveWithFallbacks(written).division();
        return division == null ? null : division.code();
    }

    /**
     * The district as written, else the first fallback (a town, a coordinate's name) that
     * resolves to a district; else what the district as written resolved to (a province, or
     * nothing), so the report names the source's own district column.
     */
    private Resolution resolveWithFallbacks(PlaceAsWritten p) {
        Resolution first = resolve(p.province(), p.district());
        if (first.district() != null || p.districtFallbacks().isEmpty()) {
            return first;
        }
        for (String fallback : p.districtFallbacks()) {
            if (fallback.length() > MAX_PLACE_CHARS) {
                continue;
            }
            Resolution r = resolve(p.province(), fallback);
            if (r.district() != null) {
                return r;
            }
        }
        return first;
    }

    /**
     * A place name longer than any real one is an error before any matching: fuzzy matching a
     * 10 MB cell against the gazetteer cost 20 s of CPU.
     */
    private static boolean tooLongForAPlace(String column, String value, RowContext ctx) {
        if (value != null && value.length() > MAX_PLACE_CHARS) {
            ctx.error(column, Cells.shorten(value), "longer than " + MAX_PLACE_CHARS + " characters: not a place name");
            return true;
        }
        return false;
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
}
