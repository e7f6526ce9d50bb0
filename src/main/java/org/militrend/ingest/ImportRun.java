package org.militrend.ingest;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.militrend.incident.EventDetail;
import org.militrend.incident.IncidentValues;
import org.militrend.incident.LocationPrecision;
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
                : format.checkHeader(names, options);
        if (!problems.isEmpty()) {
            problems.forEach(this::error);
            fileRejected = true;
            return false;
        }
        width = names.size();
        return true;
    }

    private void row(SourceRow record) throws SQLException {
        RowContext ctx = new RowContext(record.line);
        String rowCountry = RowContext.clean(format.country(record));
        if (rowCountry != null && !rowCountry.equalsIgnoreCase(country)) {
            outOfScope++;
            return;
        }
        if (record.overflows(width)) {
            ctx.error(null, null, "the row has " + record.cells().size() + " cells but the header has " + width);
        }
        IncidentDraft draft = ctx.rejected() ? null : format.read(record, ctx, options);
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
                writer.quarantine(
                        record.line, CSVFormat.RFC4180.format(record.cells().toArray()), reason);
            }
            return;
        }
        if (options.dryRun() && preview.size() < PREVIEW_ROWS) {
            preview.add(PreviewRow.of(values));
        }
        if (keep()) {
            chunk.add(new IncidentWriter.Pending(record.line, values, values.hash(), division(values, draft)));
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
        String rowCountry = d.country() == null ? country : d.country();
        String provinceCode = null;
        String districtCode = null;
        LocationPrecision resolvedTo = LocationPrecision.COUNTRY;
        if (rowCountry.equalsIgnoreCase(country)) {
            if (d.province() == null && d.district() == null) {
                ctx.error(d.districtColumn(), null, "a district or a province is required");
                return null;
            }
            Resolution r = resolveWithFallbacks(d);
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
        EventDetail detail = d.detail();
        if (detail.sourceRelease() == null && options.claims().release() != null) {
            detail = detail.withRelease(options.claims().release());
        }
        IncidentValues v = new IncidentValues(
                dataset,
                d.externalId() == null ? "" : d.externalId(),
                d.date(),
                d.datePrecision(),
                rowCountry,
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
                d.notes(),
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
    private String division(IncidentValues v, IncidentDraft d) {
        if (v.districtCode() != null) {
            return places.divisionOfDistrict(v.districtCode())
                    .map(DivisionRef::code)
                    .orElse(null);
        }
        if (v.provinceCode() == null || d.district() == null) {
            return null;
        }
        DivisionRef division = resolveWithFallbacks(d).division();
        return division == null ? null : division.code();
    }

    /**
     * The district as written, else the first fallback (a town, a coordinate's name) that
     * resolves to a district; else what the district as written resolved to (a province, or
     * nothing), so the report names the source's own district column.
     */
    private Resolution resolveWithFallbacks(IncidentDraft d) {
        Resolution first = resolve(d.province(), d.district());
        if (first.district() != null || d.districtFallbacks().isEmpty()) {
            return first;
        }
        for (String fallback : d.districtFallbacks()) {
            Resolution r = resolve(d.province(), fallback);
            if (r.district() != null) {
                return r;
            }
        }
        return first;
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
