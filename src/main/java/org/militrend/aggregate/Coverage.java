package org.militrend.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.militrend.incident.Periods;
import org.militrend.incident.Periods.Granularity;
import org.militrend.ingest.DatasetCatalog.Description;

/**
 * Where the selected complete datasets claim to record every event (contract "Aggregates"): a
 * period inside that window has true zeros, a period outside it has no figure at all.
 *
 * @param windows the coverage windows of the selected complete datasets, by start date
 * @param overlaps one sentence per pair of those datasets whose windows overlap inside the range
 */
public record Coverage(List<Window> windows, List<String> overlaps) {

    /** One complete dataset's coverage. */
    public record Window(String dataset, LocalDate from, LocalDate to) {}

    /** How a period stands: not covered, covered, or covered for only part of its days. */
    public enum State {
        UNCOVERED,
        PARTIAL,
        COVERED;

        public boolean covered() {
            return this != UNCOVERED;
        }
    }

    public Coverage {
        windows = List.copyOf(windows);
        overlaps = List.copyOf(overlaps);
    }

    /**
     * The coverage of the complete datasets among {@code selected} (every described dataset when
     * the filter names none), with the overlaps that fall inside [from, to].
     */
    public static Coverage of(List<Description> described, List<String> selected, LocalDate from, LocalDate to) {
        List<Window> windows = new ArrayList<>();
        for (Description d : described) {
            boolean chosen = selected.isEmpty() || selected.contains(d.name());
            if (chosen
                    && d.complete()
                    && d.coverage() != null
                    && d.coverage().from() != null
                    && d.coverage().to() != null) {
                windows.add(
                        new Window(d.name(), d.coverage().from(), d.coverage().to()));
            }
        }
        windows.sort(Comparator.comparing(Window::from).thenComparing(Window::dataset));
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                Window a = windows.get(i);
                Window b = windows.get(j);
                LocalDate start = max(max(a.from(), b.from()), from);
                LocalDate end = min(min(a.to(), b.to()), to);
                if (!start.isAfter(end)) {
                    overlaps.add("the complete datasets " + a.dataset() + " and " + b.dataset()
                            + " both cover " + start + " to " + end
                            + ": incidents may be counted twice where both record the same event");
                }
            }
        }
        return new Coverage(windows, overlaps);
    }

    /**
     * The state of the period {@code label}, judged on its days inside [from, to] (a range that
     * cuts a period is the reader's choice, not a gap in the data).
     */
    public State state(Granularity g, String label, LocalDate from, LocalDate to) {
        LocalDate start = max(Periods.startOf(g, label), from);
        LocalDate end = min(Periods.endOf(g, label), to);
        LocalDate cursor = start; // first day not yet known to be covered
        boolean any = false;
        for (Window w : windows) { // sorted by start: sweep once
            if (w.to().isBefore(start) || w.from().isAfter(end)) {
                continue;
            }
            any = true;
            if (!w.from().isAfter(cursor) && !w.to().isBefore(cursor)) {
                cursor = w.to().plusDays(1);
            }
        }
        if (!any) {
            return State.UNCOVERED;
        }
        return cursor.isAfter(end) ? State.COVERED : State.PARTIAL;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
