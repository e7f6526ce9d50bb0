package org.militrend.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.militrend.common.ProblemError;
import org.militrend.common.ProblemException;
import org.militrend.incident.Category;
import org.militrend.incident.Periods;
import org.militrend.place.PlaceResolver;

/**
 * The size of an aggregate's answer (groups × periods of the zero-filled time dimension), known
 * before anything is grouped or filled, and a 400 for one above {@link #MAX_ROWS}. Without it, one
 * request for a few centuries by week, or by every dimension at once, filled gigabytes.
 */
@ApplicationScoped
class AnswerSize {

    /** The most rows one aggregate may answer (README, "Aggregates"). */
    static final long MAX_ROWS = 100_000;

    @Inject
    AggregateRepository repository;

    @Inject
    PlaceResolver places;

    /** Refuses the query when its answer would exceed {@link #MAX_ROWS} rows. */
    @Transactional
    void check(AggregateQuery q) {
        long periods = periods(q);
        long placeBound = placeBound(q);
        if (placeBound >= 0 && placeBound <= MAX_ROWS / periods) {
            return; // the gazetteer alone bounds it: no need to ask the database
        }
        long groups = repository.countGroups(q);
        if (groups > MAX_ROWS / periods) {
            refuse(q, groups, periods);
        }
    }

    /** Periods of the zero-filled time dimension over [from, to]; 1 without one. */
    static long periods(AggregateQuery q) {
        Dimension time = q.timeDimension();
        if (time == null || q.from() == null || q.to() == null) {
            return 1;
        }
        LocalDate first = Periods.start(time.granularity(), q.from());
        LocalDate last = Periods.start(time.granularity(), q.to());
        return switch (time.granularity()) {
                    case YEAR -> ChronoUnit.YEARS.between(first, last);
                    case QUARTER -> ChronoUnit.MONTHS.between(first, last) / 3;
                    case MONTH -> ChronoUnit.MONTHS.between(first, last);
                    case WEEK -> ChronoUnit.WEEKS.between(first, last);
                }
                + 1;
    }

    /**
     * An upper bound of the groups from the gazetteer when every dimension is a place, or -1 when
     * a free-text dimension (event type, actor, dataset) needs the database's count.
     */
    private long placeBound(AggregateQuery q) {
        long bound = 1;
        List<Dimension> groupBy = q.groupBy();
        for (Dimension d : groupBy) {
            long values = switch (d) {
                // a district row, or one row per province for incidents known only to their province
                case DISTRICT ->
                    places.districts().size()
                            + 1
                            + (groupBy.contains(Dimension.PROVINCE)
                                    ? 0
                                    : places.provinces().size());
                case PROVINCE -> places.provinces().size() + 1L;
                // a division row, and one for incidents known to less than a division
                case DIVISION -> places.divisions().size() + 1L;
                case REGION -> places.provinces().size() + 3L;
                case YEAR, QUARTER, MONTH, WEEK -> 1;
                // the fixed vocabulary, and rows whose category is not known
                case CATEGORY -> Category.values().length + 1L;
                case EVENT_TYPE, ACTOR, DATASET -> -1;
            };
            if (values < 0) {
                return -1;
            }
            bound *= values;
        }
        return bound;
    }

    private static void refuse(AggregateQuery q, long groups, long periods) {
        Dimension time = q.timeDimension();
        String groupBy =
                String.join(",", q.groupBy().stream().map(Dimension::key).toList());
        String size = time == null || periods == 1
                ? groups + " groups"
                : groups + " groups × " + periods + " " + time.key() + "s from " + q.from() + " to " + q.to();
        String message = "the answer would have more than " + MAX_ROWS + " rows (" + size + "), the most one request"
                + " may return; narrow it: a shorter range (from, to), a coarser time dimension (year or month"
                + " instead of week), fewer groupBy dimensions, or filters (province, district, dataset, eventType,"
                + " actor)";
        throw new ProblemException(
                400, "Answer too large", message, List.of(ProblemError.field("groupBy", groupBy, message)));
    }
}
