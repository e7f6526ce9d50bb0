package org.militrend.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.militrend.incident.Periods.Granularity;
import org.militrend.trend.TrendResponse.TrendQuery;
import org.militrend.trend.stats.TrendAnalysis;
import org.militrend.trend.stats.TrendResult;

/** A series with a coverage gap, fitted on its covered months at their places in time, against R. */
@Tag("no-db")
class TrendGapReferenceTest {

    @Test
    void theResponseMatchesROnTheCoveredMonths() {
        GapReference ref = GapReference.load();
        TrendQuery q = new TrendQuery("incidents", "month", false, 6, false, null, null, Map.of(), null, "whole");
        TrendResponse response =
                TrendResponses.analyze(q, Granularity.MONTH, ref.coveredSeries(), null, List.of(), List.of());
        ref.compare(RefSeries.JSON.valueToTree(response));
    }

    @Test
    void theStatisticsKeepEachPeriodAtItsPlaceInTime() {
        GapReference ref = GapReference.load();
        TrendSeries s = ref.coveredSeries();
        TrendResult r = TrendAnalysis.analyze(
                s.counts(), null, null, false, 6, TrendResponses.rule(Granularity.MONTH), s.time());
        assertEquals(
                ref.r().get("poisson.slope"),
                r.poisson().slope(),
                1e-9 * Math.abs(r.poisson().slope()));
        assertEquals(
                ref.r().get("ols.slope"),
                r.linear().slope(),
                1e-9 * Math.abs(r.linear().slope()));
        // the same counts closed up (t = 0..n-1) give another slope: the gap matters
        TrendResult closed =
                TrendAnalysis.analyze(s.counts(), null, null, false, 6, TrendResponses.rule(Granularity.MONTH));
        assertEquals(false, Math.abs(closed.poisson().slope() - r.poisson().slope()) < 1e-3, "closed-up slope");
        assertEquals(41, r.forecast().get(5).index(), "the forecast counts from the last covered month's position");
    }
}
