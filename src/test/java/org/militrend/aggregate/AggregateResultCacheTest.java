package org.militrend.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.militrend.common.VersionedCache;
import org.militrend.incident.IncidentFilter;

/**
 * The cache of answers, weighing aggregates by their rows: bounded by the rows it holds, not only by
 * entries (big results exhausted the heap).
 */
@Tag("no-db")
class AggregateResultCacheTest {

    private static AggregateResult result(int rows) {
        List<AggregateRow> list = new ArrayList<>(rows);
        AggregateQuery q =
                new AggregateQuery(List.of(), List.of(Metric.INCIDENTS), IncidentFilter.none(), false, List.of(), null);
        AggregateRow row =
                new AggregateRow(RowColumns.of(q), new RowGroup(new String[1], null), null, null, new long[] {1, 0}, 0);
        for (int i = 0; i < rows; i++) {
            list.add(row);
        }
        return new AggregateResult(
                new AggregateResult.QueryEcho(List.of(), List.of(), null, null, Map.of(), false, null, List.of(), null),
                List.of(),
                list,
                Map.of(),
                List.of(),
                List.of());
    }

    @Test
    void hitsWhileTheVersionIsUnchanged() {
        VersionedCache cache = new VersionedCache();
        AtomicInteger computed = new AtomicInteger();
        AggregateResult a = cache.get(
                "q",
                1,
                () -> {
                    computed.incrementAndGet();
                    return result(3);
                },
                AggregateResource::weight);
        assertSame(
                a,
                cache.get(
                        "q",
                        1,
                        () -> {
                            computed.incrementAndGet();
                            return result(3);
                        },
                        AggregateResource::weight));
        assertEquals(1, computed.get());
        cache.get(
                "q",
                2,
                () -> {
                    computed.incrementAndGet();
                    return result(3);
                },
                AggregateResource::weight);
        assertEquals(2, computed.get());
        assertEquals(4, cache.rows());
    }

    @Test
    void boundedByRows() {
        VersionedCache cache = new VersionedCache();
        int big = 38_400;
        for (int i = 0; i < 30; i++) {
            cache.get("q" + i, 1, () -> result(big), AggregateResource::weight);
            assertTrue(cache.rows() <= VersionedCache.MAX_ROWS, "rows held " + cache.rows());
        }
        assertTrue(cache.size() >= 1 && cache.size() <= 2, "entries " + cache.size());
        // a result larger than the whole bound is answered but not kept
        cache.get("huge", 1, () -> result((int) VersionedCache.MAX_ROWS + 1), AggregateResource::weight);
        assertTrue(cache.rows() <= VersionedCache.MAX_ROWS);
    }
}
