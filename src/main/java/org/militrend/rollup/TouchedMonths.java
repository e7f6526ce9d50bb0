package org.militrend.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The months a transaction's writes touched, per dataset, as one range each: what the rollup
 * recomputes before the transaction commits. A range may include untouched months in between,
 * which costs a little more work and never a wrong row.
 */
public final class TouchedMonths {

    private record Range(YearMonth from, YearMonth to) {
        Range with(YearMonth month) {
            return new Range(month.isBefore(from) ? month : from, month.isAfter(to) ? month : to);
        }
    }

    private final Map<String, Range> ranges = new HashMap<>();

    /** Records a month, as its period key ({@code 2017-03}) or its value. */
    public void add(String dataset, YearMonth month) {
        ranges.merge(dataset, new Range(month, month), (a, b) -> a.with(month));
    }

    public void add(String dataset, String periodMonth) {
        add(dataset, YearMonth.parse(periodMonth));
    }

    /**
     * Records the month of a date. An import calls this for every row: a month already inside
     * the dataset's range costs two comparisons and no allocation.
     */
    public void add(String dataset, LocalDate date) {
        Range r = ranges.get(dataset);
        if (r != null && !isBefore(date, r.from()) && !isAfter(date, r.to())) {
            return;
        }
        add(dataset, YearMonth.from(date));
    }

    private static boolean isBefore(LocalDate d, YearMonth m) {
        return d.getYear() < m.getYear() || d.getYear() == m.getYear() && d.getMonthValue() < m.getMonthValue();
    }

    private static boolean isAfter(LocalDate d, YearMonth m) {
        return d.getYear() > m.getYear() || d.getYear() == m.getYear() && d.getMonthValue() > m.getMonthValue();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Recomputes the rollup of every touched range, then forgets them. */
    public void refresh(Connection c) throws SQLException {
        for (Map.Entry<String, Range> e : ranges.entrySet()) {
            Rollup.refresh(c, e.getKey(), e.getValue().from(), e.getValue().to());
        }
        ranges.clear();
    }
}
