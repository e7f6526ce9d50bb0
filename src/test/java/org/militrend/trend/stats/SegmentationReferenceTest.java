package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The regimes of every reference series against R ({@code src/test/r/segments.R}), through the Java API. */
@Tag("no-db")
class SegmentationReferenceTest {

    static Stream<SegmentReference> series() {
        return SegmentReference.NAMES.stream().map(SegmentReference::load);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void regimesMatchR(SegmentReference ref) {
        ref.compare(Regimes.of(ref.countsAsDoubles(), null, ref.rule(), 6));
    }

    /** The facade carries the same regimes, with the forecast labelled by month. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void theFacadeCarriesTheSameRegimes(SegmentReference ref) {
        TrendResult r = TrendAnalysis.analyze(ref.counts(), (int[]) null, null, false, 6, ref.rule());
        ref.compare(r.regimes());
    }

    /** The reference set covers no change, one change, a rise and a fall, and the cap of 4 change points. */
    @Test
    void theReferenceSeriesCoverEveryShape() {
        List<Integer> counts = SegmentReference.NAMES.stream()
                .map(n -> SegmentReference.load(n).segmentCount())
                .toList();
        assertEquals(List.of(1, 2, 1, 2, 2, 4, 5), counts);
    }
}
