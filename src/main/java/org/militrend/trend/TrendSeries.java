package org.militrend.trend;

import java.util.List;

/**
 * The series a trend is fitted to: the covered periods of the range with their counts, each at its
 * place in time.
 *
 * @param periods the covered period labels, in time order
 * @param counts the metric per covered period
 * @param time position of each covered period, counted in periods from {@code rangeStart}
 * @param rangeStart the label of the first period of the range (t = 0), which forecasts count from
 * @param uncoveredPeriods the periods of the range left out because no selected complete dataset covers them
 */
public record TrendSeries(
        List<String> periods, long[] counts, int[] time, String rangeStart, List<String> uncoveredPeriods) {

    public TrendSeries {
        periods = List.copyOf(periods);
        uncoveredPeriods = List.copyOf(uncoveredPeriods);
        if (periods.size() != counts.length || time.length != counts.length) {
            throw new IllegalArgumentException("periods, counts and time differ in length");
        }
    }

    /** A gapless series: every period covered, t = 0..n-1. */
    public static TrendSeries consecutive(List<String> periods, long[] counts) {
        int[] time = new int[counts.length];
        for (int i = 0; i < time.length; i++) {
            time[i] = i;
        }
        return new TrendSeries(periods, counts, time, periods.isEmpty() ? null : periods.get(0), List.of());
    }
}
