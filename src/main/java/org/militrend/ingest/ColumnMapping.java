package org.militrend.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.militrend.common.ProblemException;
import org.militrend.incident.NativeColumns;

/**
 * A column mapping (contract "Column mappings"): how the columns of any table become native
 * fields. Validated when it is parsed, so a bad mapping is a 400 naming what is wrong before a
 * file is read.
 *
 * @param columns native field → the source columns summed into it (one for a plain copy)
 * @param dateFormats {@code java.time} patterns tried in order after ISO
 * @param constants native field → the value of every row
 * @param values native field → (source value → stored value)
 */
public record ColumnMapping(
        Map<String, List<String>> columns,
        List<String> dateFormats,
        Map<String, String> constants,
        Map<String, Map<String, String>> values) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The native fields a mapping may fill: the native CSV columns, less what the service sets. */
    static final List<String> FIELDS = NativeColumns.ALL.stream()
            .filter(c -> !c.equals("id") && !c.equals("dataset"))
            .toList();

    public ColumnMapping {
        // kept in the order written, so that GET /mappings/{name} shows the mapping as it was sent
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        dateFormats = List.copyOf(dateFormats);
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The compiled date patterns (English names, as the contract says). */
    List<DateTimeFormatter> formatters() {
        return dateFormats.stream()
                .map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH))
                .toList();
    }

    /** Parses and checks a mapping's JSON; a 400 naming the parameter {@code mapping} otherwise. */
    public static ColumnMapping parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw bad(null, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(null, "a mapping is a JSON object with 'columns'");
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!List.of("columns", "dateFormats", "constants", "values").contains(n)) {
                throw bad(n, "unknown key '" + n + "'; known: columns, dateFormats, constants, values");
            }
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        JsonNode c = root.path("columns");
        if (!c.isObject()) {
            throw bad("columns", "'columns' must be an object: native field → source column(s)");
        }
        for (var it = c.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = field(e.getKey());
            List<String> sources = new ArrayList<>();
            if (e.getValue().isTextual()) {
                sources.add(e.getValue().asText());
            } else if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                e.getValue().forEach(v -> sources.add(v.asText()));
            } else {
                throw bad("columns." + field, "a source column name or a non-empty list of them");
            }
            columns.put(field, sources);
        }
        List<String> dateFormats = new ArrayList<>();
        JsonNode d = root.path("dateFormats");
        if (!d.isMissingNode() && !d.isArray()) {
            throw bad("dateFormats", "'dateFormats' must be a list of java.time patterns");
        }
        for (JsonNode p : d) {
            try {
                DateTimeFormatter.ofPattern(p.asText(), Locale.ENGLISH);
            } catch (IllegalArgumentException e) {
                throw bad("dateFormats", "'" + p.asText() + "' is not a java.time pattern: " + e.getMessage());
            }
            dateFormats.add(p.asText());
        }
        Map<String, String> constants = new LinkedHashMap<>();
        for (var it = object(root, "constants").fields(); it.hasNext(); ) {
            var e = it.next();
            constants.put(field(e.getKey()), e.getValue().asText());
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (var it = object(root, "values").fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isObject()) {
                throw bad("values." + e.getKey(), "must be an object: source value → stored value");
            }
            Map<String, String> recode = new LinkedHashMap<>();
            e.getValue()
                    .fields()
                    .forEachRemaining(v -> recode.put(v.getKey(), v.getValue().asText()));
            values.put(field(e.getKey()), recode);
        }
        boolean hasDate = columns.containsKey("date") || constants.containsKey("date");
        boolean hasPlace = columns.containsKey("district")
                || columns.containsKey("province")
                || constants.containsKey("district")
                || constants.containsKey("province");
        if (!hasDate) {
            throw bad("columns.date", "a mapping needs 'date' (a column or a constant)");
        }
        if (!hasPlace) {
            throw bad("columns.district", "a mapping needs 'district' or 'province' (a column or a constant)");
        }
        return new ColumnMapping(columns, dateFormats, constants, values);
    }

    /** The mapping as JSON again (how a saved one is stored and shown). */
    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> cols = new LinkedHashMap<>();
        columns.forEach((k, v) -> cols.put(k, v.size() == 1 ? v.get(0) : v));
        out.put("columns", cols);
        out.put("dateFormats", dateFormats);
        out.put("constants", constants);
        out.put("values", values);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode object(JsonNode root, String key) {
        JsonNode n = root.path(key);
        if (n.isMissingNode() || n.isNull()) {
            return JSON.createObjectNode();
        }
        if (!n.isObject()) {
            throw bad(key, "'" + key + "' must be an object keyed by native field");
        }
        return n;
    }

    private static String field(String name) {
        if (!FIELDS.contains(name)) {
            throw bad(name, "'" + name + "' is not a native field; known: " + String.join(", ", FIELDS));
        }
        return name;
    }

    private static ProblemException bad(String where, String message) {
        return ProblemException.badParameter("mapping", where, message);
    }
}
