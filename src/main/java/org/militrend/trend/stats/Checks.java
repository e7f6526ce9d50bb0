package org.militrend.trend.stats;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Validation helpers shared by the result records: no NaN or infinity ever leaves the package. */
final class Checks {
    private Checks() {}

    /**
     * The time position of each period: {@code 0..n-1} when null, else strictly increasing finite
     * values (a series with gaps keeps each period at its place in time).
     */
    static double[] time(double[] time, int n) {
        if (time == null) {
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = i;
            }
            return t;
        }
        if (time.length != n) {
            throw new IllegalArgumentException("time has length " + time.length + ", counts " + n);
        }
        for (int i = 0; i < n; i++) {
            finite("time", time[i]);
            if (i > 0 && !(time[i] > time[i - 1])) {
                throw new IllegalArgumentException("time must increase strictly, at index " + i);
            }
        }
        return time.clone();
    }

    static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, was " + v);
        }
        return v;
    }

    static double nonNegative(String name, double v) {
        finite(name, v);
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + v);
        }
        return v;
    }

    static double positive(String name, double v) {
        finite(name, v);
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + v);
        }
        return v;
    }

    static double probability(String name, double v) {
        finite(name, v);
        if (v < 0 || v > 1) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + v);
        }
        return v;
    }

    static List<Double> finiteList(String name, List<Double> values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        List<Double> copy = List.copyOf(values);
        for (int i = 0; i < copy.size(); i++) {
            finite(name + "[" + i + "]", copy.get(i));
        }
        return copy;
    }

    static Map<String, Double> finiteMap(String name, Map<String, Double> values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        var copy = new TreeMap<String, Double>();
        values.forEach((k, v) -> copy.put(k, finite(name + "." + k, v)));
        return Collections.unmodifiableSortedMap(copy);
    }

    static List<Double> boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return List.of(out);
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Validates a count series: non-null, finite, non-negative and integer valued (the models are
     * count models). Invalid values are programming errors of the caller, not degenerate data.
     */
    static double[] counts(double[] counts) {
        if (counts == null) {
            throw new NullPointerException("counts");
        }
        for (int i = 0; i < counts.length; i++) {
            double c = counts[i];
            if (!Double.isFinite(c) || c < 0 || c != Math.rint(c)) {
                throw new IllegalArgumentException("counts[" + i + "] must be a finite non-negative integer, was " + c);
            }
        }
        return counts.clone();
    }

    /** Validates an optional exposure series: null, or length n with finite positive values. */
    static double[] exposure(double[] exposure, int n) {
        if (exposure == null) {
            return null;
        }
        if (exposure.length != n) {
            throw new IllegalArgumentException(
                    "exposure has length " + exposure.length + " but there are " + n + " counts");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(exposure[i]) || !(exposure[i] > 0)) {
                throw new IllegalArgumentException("exposure[" + i + "] must be finite and > 0, was " + exposure[i]);
            }
        }
        return exposure.clone();
    }

    /** Validates optional calendar months: null, or length n with values 1..12. */
    static int[] calendarMonths(int[] months, int n) {
        if (months == null) {
            return null;
        }
        if (months.length != n) {
            throw new IllegalArgumentException(
                    "calendarMonths has length " + months.length + " but there are " + n + " counts");
        }
        for (int i = 0; i < n; i++) {
            if (months[i] < 1 || months[i] > 12) {
                throw new IllegalArgumentException("calendarMonths[" + i + "] must be 1..12, was " + months[i]);
            }
        }
        return months.clone();
    }
}
