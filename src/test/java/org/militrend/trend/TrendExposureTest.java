package org.militrend.trend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.militrend.incident.Periods.Granularity;
import org.militrend.trend.TrendResponse.TrendQuery;

/**
 * The exposure series (population offset in the GLMs only) through the same code path /trends
 * uses after reading the series ({@link TrendResponses#analyze}), serialized to JSON and compared
 * figure by figure with R.
 */
@Tag("no-db")
class TrendExposureTest {

    private static JsonNode run(RefSeries s, boolean seasonal) {
        TrendQuery q = new TrendQuery("incidents", "month", seasonal, 6, true, null, null, Map.of(), null, "whole");
        TrendResponse response = TrendResponses.analyze(
                q, Granularity.MONTH, s.periods(), s.counts(), s.exposure(), List.of(), List.of());
        return RefSeries.JSON.valueToTree(response);
    }

    @Test
    void exposureSeriesMatchesR() {
        RefSeries s = RefSeries.load("e_short24_exposure");
        assertTrue(s.exposure() != null, "the exposure column is missing");
        s.compare(run(s, false), false);
        s.compare(run(s, true), true);
    }

    /** Every series without exposure through the same path, so the no-db run covers the mapping too. */
    @Test
    void everySeriesMatchesRWithoutTheDatabase() {
        for (RefSeries s : RefSeries.all()) {
            s.compare(run(s, false), false);
            s.compare(run(s, true), true);
        }
    }
}
