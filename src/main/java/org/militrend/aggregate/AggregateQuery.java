package org.militrend.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.militrend.incident.IncidentFilter;

/**
 * A validated aggregate request. {@code filter} carries the effective date range: the one asked
 * for, or the data's first and last event under the other filters.
 *
 * @param sort keys to order by; a leading '-' is descending
 * @param limit top-N after sorting, or null for every row
 * @param unknowns add {@code <metric>Unknown}, the number of incidents whose count is unknown, to every row
 */
public record AggregateQuery(
        List<Dimension> groupBy,
        List<Metric> metrics,
        IncidentFilter filter,
        boolean perCapita,
        List<String> sort,
        Integer limit,
        boolean unknowns) {

    public AggregateQuery(
            List<Dimension> groupBy,
            List<Metric> metrics,
            IncidentFilter filter,
            boolean perCapita,
            List<String> sort,
            Integer limit) {
        this(groupBy, metrics, filter, perCapita, sort, limit, false);
    }

    public AggregateQuery {
        groupBy = List.copyOf(groupBy);
        metrics = List.copyOf(metrics);
        sort = List.copyOf(sort);
        if (groupBy.stream().filter(Dimension::isTime).count() > 1) {
            throw new IllegalArgumentException("at most one time dimension");
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("at least one metric");
        }
    }

    public LocalDate from() {
        return filter.from();
    }

    public LocalDate to() {
        return filter.to();
    }

    public Dimension timeDimension() {
        return groupBy.stream().filter(Dimension::isTime).findFirst().orElse(null);
    }

    /**
     * The dimensions grouped on in the database: {@code groupBy}, plus the province after a
     * district without one, so that incidents known only to their province land in a row of
     * their own province rather than in one row for every province.
     */
    public List<Dimension> groupedOn() {
        if (groupBy.contains(Dimension.DISTRICT) && !groupBy.contains(Dimension.PROVINCE)) {
            List<Dimension> dims = new ArrayList<>(groupBy);
            dims.add(Dimension.PROVINCE);
            return List.copyOf(dims);
        }
        return groupBy;
    }

    /** A stable text of the query: the cache key and the seed of the ETag. */
    public String normalized() {
        return groupBy + "|" + metrics + "|" + filter + "|" + perCapita + "|" + sort + "|" + limit + "|" + unknowns;
    }
}
