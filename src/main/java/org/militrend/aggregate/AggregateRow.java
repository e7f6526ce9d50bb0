package org.militrend.aggregate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One aggregate row. Its keys are the {@code groupBy} names, {@code province} beside {@code
 * district}, the metric names and their {@code Per100k} forms, so it serializes as a flat object
 * whose columns are the same as the CSV's.
 */
public record AggregateRow(Map<String, Object> values) {

    public AggregateRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @JsonAnyGetter
    public Map<String, Object> values() {
        return values;
    }

    public Object get(String key) {
        return values.get(key);
    }

    /** A metric value as a long (0 when absent). */
    public long count(String metric) {
        Object v = values.get(metric);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
