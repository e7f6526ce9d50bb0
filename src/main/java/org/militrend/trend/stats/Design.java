package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Design of the count regressions: intercept, t = 0..n-1 and, for the seasonal model, 11 dummies
 * for calendar months 2..12 (January is the reference level), plus the offset log(exposure).
 */
final class Design {
    final int n;
    final boolean seasonal;
    final int[] calendarMonths; // may be null when not seasonal
    final double[] exposure; // may be null
    /** Time position of each period: 0..n-1, or with gaps where periods are left out. */
    final double[] time;

    final double[][] x;
    final double[] offset;
    final List<String> names;

    /**
     * The design of {@code n} periods from a fit's public arguments, checked (calendar months in
     * 1..12, positive exposure); not estimable when seasonal without calendar months.
     */
    static Outcome<Design> checked(int n, int[] calendarMonths, double[] exposure, boolean seasonal, double[] time) {
        int[] months = Checks.calendarMonths(calendarMonths, n);
        double[] e = Checks.exposure(exposure, n);
        if (seasonal && months == null) {
            return Outcome.notEstimable("seasonal model needs monthly periods (calendar months unknown)");
        }
        return Outcome.of(new Design(n, months, e, seasonal, time));
    }

    Design(int n, int[] calendarMonths, double[] exposure, boolean seasonal) {
        this(n, calendarMonths, exposure, seasonal, null);
    }

    Design(int n, int[] calendarMonths, double[] exposure, boolean seasonal, double[] time) {
        if (seasonal && calendarMonths == null) {
            throw new IllegalArgumentException("the seasonal design needs calendar months");
        }
        this.n = n;
        this.seasonal = seasonal;
        this.calendarMonths = calendarMonths == null ? null : calendarMonths.clone();
        this.exposure = exposure == null ? null : exposure.clone();
        this.time = Checks.time(time, n);
        List<String> nm = new ArrayList<>(List.of("intercept", "t"));
        if (seasonal) {
            for (int m = 2; m <= 12; m++) {
                nm.add(monthName(m));
            }
        }
        this.names = List.copyOf(nm);
        this.x = new double[n][];
        this.offset = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = row(this.time[i], seasonal ? calendarMonths[i] : 0);
            offset[i] = exposure == null ? 0 : Math.log(exposure[i]);
        }
    }

    static String monthName(int month) {
        return String.format("month%02d", month);
    }

    int p() {
        return names.size();
    }

    /** The design row for time index t with the given calendar month (ignored if not seasonal). */
    double[] row(double t, int calendarMonth) {
        double[] r = new double[seasonal ? 13 : 2];
        r[0] = 1;
        r[1] = t;
        if (seasonal && calendarMonth >= 2) {
            r[calendarMonth] = 1; // month m (2..12) sits at column m
        }
        return r;
    }

    /** Calendar month of the future period t >= n (continuing the monthly sequence). */
    int futureMonth(int t) {
        int last = calendarMonths[n - 1];
        return ((last - 1 + (t - (n - 1))) % 12) + 1;
    }

    /**
     * Why the Poisson/NB log-likelihood has no maximiser for these counts, or null if an MLE exists.
     * The MLE fails to exist iff some non-zero direction d = Xb has d <= 0 everywhere and d = 0
     * wherever y > 0 (Haberman 1974). For the intercept + t (+ month) designs this happens exactly
     * when: all counts are zero; (seasonal) a calendar month has only zero counts; or the positive
     * counts can all sit on the boundary of a straight line, i.e. (trend) they all fall in the first
     * or all in the last period, (seasonal) every month has a single positive count and it is that
     * month's first (or every month's last) occurrence.
     */
    String noMleReason(double[] y) {
        int positives = 0;
        for (double v : y) {
            if (v > 0) {
                positives++;
            }
        }
        if (positives == 0) {
            return "no maximum-likelihood estimate: all counts are zero";
        }
        if (!seasonal) {
            if (positives == 1 && (y[0] > 0 || y[n - 1] > 0) && n > 1) {
                return "no maximum-likelihood estimate: the only non-zero count is in the "
                        + (y[0] > 0 ? "first" : "last") + " period, so the slope diverges";
            }
            return null;
        }
        boolean[] present = new boolean[13];
        boolean[] positive = new boolean[13];
        int[] posCount = new int[13];
        int[] first = new int[13];
        int[] last = new int[13];
        Arrays.fill(first, -1);
        for (int i = 0; i < n; i++) {
            int m = calendarMonths[i];
            present[m] = true;
            if (first[m] < 0) {
                first[m] = i;
            }
            last[m] = i;
            if (y[i] > 0) {
                positive[m] = true;
                posCount[m]++;
            }
        }
        List<String> zeroMonths = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            if (!present[m]) {
                return "seasonal model not identifiable: calendar month " + String.format("%02d", m)
                        + " does not occur in the series";
            }
            if (!positive[m]) {
                zeroMonths.add(String.format("%02d", m));
            }
        }
        if (!zeroMonths.isEmpty()) {
            return "no maximum-likelihood estimate for the seasonal model: calendar month(s) " + zeroMonths
                    + " have only zero counts (separation)";
        }
        boolean allSingleAtFirst = true;
        boolean allSingleAtLast = true;
        boolean someOther = false;
        for (int m = 1; m <= 12; m++) {
            if (posCount[m] != 1) {
                allSingleAtFirst = false;
                allSingleAtLast = false;
                continue;
            }
            allSingleAtFirst &= y[first[m]] > 0;
            allSingleAtLast &= y[last[m]] > 0;
            someOther |= first[m] != last[m];
        }
        if ((allSingleAtFirst || allSingleAtLast) && someOther) {
            return "no maximum-likelihood estimate for the seasonal model: each calendar month has a single"
                    + " non-zero count at its " + (allSingleAtFirst ? "first" : "last")
                    + " occurrence, so the slope diverges";
        }
        return null;
    }
}
