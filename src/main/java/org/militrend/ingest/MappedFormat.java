package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any other table, through a {@link ColumnMapping}: each native field's value is the mapped
 * source column (or the sum of several), else the mapping's constant, recoded by its values;
 * then the row is read exactly as a native row, with the mapping's date patterns.
 */
@ApplicationScoped
class MappedFormat implements ImportFormat {

    @Inject
    NativeFormat nativeFormat;

    @Override
    public String name() {
        return "mapped";
    }

    @Override
    public DatasetInfo defaultDataset() {
        return new DatasetInfo("mapped", name(), "Incidents imported through a column mapping", null, null);
    }

    @Override
    public List<ImportMessage> checkHeader(List<String> header, ImportOptions options) {
        List<String> normalized = header.stream().map(MappedFormat::key).toList();
        List<ImportMessage> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : options.mapping().columns().entrySet()) {
            for (String source : e.getValue()) {
                if (!normalized.contains(key(source))) {
                    problems.add(new ImportMessage(
                            1L,
                            source,
                            source,
                            "the mapping reads '" + source + "' into " + e.getKey()
                                    + ", but the file has no such column (it has: " + String.join(", ", header)
                                    + ")"));
                }
            }
        }
        return problems;
    }

    @Override
    public IncidentDraft read(SourceRow r, RowContext row, ImportOptions options) {
        ColumnMapping m = options.mapping();
        return nativeFormat.read(field -> value(r, row, m, field), row, m.formatters());
    }

    private static String value(SourceRow r, RowContext row, ColumnMapping m, String field) {
        List<String> sources = m.columns().get(field);
        String v;
        if (sources == null) {
            v = m.constants().get(field);
        } else if (sources.size() == 1) {
            v = cell(r, sources.get(0));
        } else {
            Integer sum = null;
            for (String source : sources) {
                Integer n = row.count(source, cell(r, source));
                if (n != null) {
                    sum = (sum == null ? 0 : sum) + n;
                }
            }
            v = sum == null ? null : sum.toString();
        }
        if (v == null && sources != null) {
            v = m.constants().get(field);
        }
        Map<String, String> recode = m.values().get(field);
        if (recode != null && v != null) {
            String stripped = v.strip();
            v = recode.getOrDefault(stripped, v);
        }
        return v;
    }

    /** A cell by source column name, ignoring case and surrounding spaces (as the contract says). */
    private static String cell(SourceRow r, String source) {
        String exact = r.get(source);
        return exact != null || r.has(source) ? exact : r.getByKey(key(source), MappedFormat::key);
    }

    private static String key(String column) {
        return column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
    }
}
