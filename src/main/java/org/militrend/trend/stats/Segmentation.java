package org.militrend.trend.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary segmentation of a count series with Pettitt's test: the regimes of a series, found one
 * change point after another.
 *
 * <p>Procedure: start with the whole series as one segment. Every segment of at least {@code 2 ·
 * minSegmentPeriods} periods is tested with Pettitt's test ({@link NonParametricTrend#pettitt},
 * unchanged, on the segment alone). A segment is a candidate when its p-value is below {@value
 * #ALPHA} and the change point leaves at least {@code minSegmentPeriods} periods on both sides; a
 * segment that is not a candidate is final and never tested again. Of all candidates, the one with
 * the smallest p-value (ties: the earliest) is split at its change point, and its two halves are
 * tested in turn. This repeats until no candidate is left or {@value #MAX_CHANGE_POINTS} change
 * points have been made. Splitting the most significant candidate first makes the result
 * independent of the order segments are visited in, and the cap keeps the most significant changes.
 *
 * <p>Sources: binary segmentation, Scott &amp; Knott (1974) Biometrics 30:507 and Vostrikova (1981)
 * Soviet Math. Dokl. 24:55; the cap and minimum segment length as in Killick &amp; Eckley (2014)
 * J. Stat. Softw. 58(3) ({@code changepoint::cpt.mean(method = "BinSeg", Q, minseglen)}); the test,
 * Pettitt (1979) Appl. Statist. 28:126.
 *
 * <p>Edge cases: an empty series has no segment; a series shorter than {@code 2 · minSegmentPeriods}
 * or constant (Pettitt's K = 0) is one segment. The p-values are those of each test on its own
 * segment, not adjusted for the search (the α is a stopping rule, not a guarantee on the set).
 */
public final class Segmentation {
    public static final double ALPHA = 0.05;
    public static final int MAX_CHANGE_POINTS = 4;

    private Segmentation() {}

    /** The segments in time order and the splits in the order they were made. */
    public record Result(List<Segment> segments, List<Split> splits) {
        public Result {
            segments = List.copyOf(segments);
            splits = List.copyOf(splits);
        }

        /** The last segment (the current regime), or null for an empty series. */
        public Segment current() {
            return segments.isEmpty() ? null : segments.get(segments.size() - 1);
        }
    }

    /**
     * @param counts non-negative integer counts
     * @param minSegmentPeriods shortest segment a split may leave (at least 2)
     */
    public static Result segment(double[] counts, int minSegmentPeriods) {
        double[] y = Checks.counts(counts);
        if (minSegmentPeriods < 2) {
            throw new IllegalArgumentException("minSegmentPeriods must be >= 2, was " + minSegmentPeriods);
        }
        List<int[]> bounds = new ArrayList<>(); // [first, last, final ? 1 : 0], time order
        if (y.length > 0) {
            bounds.add(new int[] {0, y.length - 1, 0});
        }
        List<Split> splits = new ArrayList<>();
        while (splits.size() < MAX_CHANGE_POINTS) {
            int best = -1;
            ChangePointResult bestTest = null;
            for (int i = 0; i < bounds.size(); i++) {
                int[] s = bounds.get(i);
                if (s[2] == 1) {
                    continue;
                }
                ChangePointResult test = candidate(y, s[0], s[1], minSegmentPeriods);
                if (test == null) {
                    s[2] = 1;
                } else if (bestTest == null || test.pValue() < bestTest.pValue()) {
                    best = i;
                    bestTest = test;
                }
            }
            if (bestTest == null) {
                break;
            }
            int[] s = bounds.get(best);
            int cut = s[0] + bestTest.firstIndexAfter();
            splits.add(new Split(splits.size() + 1, s[0], s[1], cut, bestTest.k(), bestTest.pValue()));
            bounds.set(best, new int[] {s[0], cut - 1, 0});
            bounds.add(best + 1, new int[] {cut, s[1], 0});
        }
        List<Segment> segments = new ArrayList<>();
        for (int[] s : bounds) {
            double sum = 0;
            for (int i = s[0]; i <= s[1]; i++) {
                sum += y[i];
            }
            segments.add(new Segment(s[0], s[1], sum / (s[1] - s[0] + 1)));
        }
        return new Result(segments, splits);
    }

    /** Pettitt's test on y[first..last] when it is significant and leaves two long enough parts, else null. */
    private static ChangePointResult candidate(double[] y, int first, int last, int minSegmentPeriods) {
        int n = last - first + 1;
        if (n < 2 * minSegmentPeriods) {
            return null;
        }
        double[] part = new double[n];
        System.arraycopy(y, first, part, 0, n);
        ChangePointResult test = NonParametricTrend.pettitt(part).orNull();
        if (test == null
                || !(test.pValue() < ALPHA)
                || test.changeIndex() < minSegmentPeriods
                || n - test.changeIndex() < minSegmentPeriods) {
            return null;
        }
        return test;
    }
}
