package org.militrend.aggregate;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /aggregates} (contract section "Aggregates"). */
public record AggregateResult(
        QueryEcho query,
        List<String> columns,
        @JsonSerialize(using = RowBytes.JsonArray.class) List<AggregateRow> rows,
        Map<String, Object> totals,
        List<Attribution> attribution,
        List<String> warnings) {

    public AggregateResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
        attribution = List.copyOf(attribution);
        warnings = List.copyOf(warnings);
    }

    /** A metric's total as a number, 0 when it is unknown or absent (for comparisons that need one). */
    public long total(String metric) {
        return totals.get(metric) instanceof Number n ? n.longValue() : 0;
    }

    /**
     * The query as it was understood, with the effective date range; {@code perCapitaBasis} names
     * the census whose populations divide the per-capita figures (null without {@code perCapita}).
     */
    public record QueryEcho(
            List<String> groupBy,
            List<String> metrics,
            String from,
            String to,
            Map<String, Object> filters,
            boolean perCapita,
            String perCapitaBasis,
            List<String> sort,
            Integer limit) {}
}
