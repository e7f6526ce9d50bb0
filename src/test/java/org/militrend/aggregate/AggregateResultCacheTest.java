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

    /** Gets {@code key} at {@code version}, counting in {@code computed} whether it was computed. */
    private static void ask(VersionedCache cache, String key, long version, int rows, AtomicInteger computed) {
        cache.get(
                key,
                version,
                () -> {
                    computed.incrementAndGet();
                    return result(rows);
                },
                AggregateResource::weight);
    }

    @Test
    void keepsSmallAnswersWhileBigOnesComeAndGo() {
        VersionedCache cache = new VersionedCache();
        AtomicInteger small = new AtomicInteger();
        AtomicInteger big = new AtomicInteger();
        ask(cache, "small", 1, 1, small);
        for (int i = 0; i < 10; i++) {
            ask(cache, "big" + i, 1, 38_400, big);
            ask(cache, "small", 1, 1, small);
            assertTrue(cache.rows() <= VersionedCache.MAX_ROWS, "rows held " + cache.rows());
        }
        assertEquals(10, big.get());
        assertEquals(1, small.get(), "the one-row answer outlived every big one");
        // the latest big answer is kept, and one more fits beside it: 2 x 38,401 + 2 <= 100,000
        ask(cache, "big9", 1, 38_400, big);
        assertEquals(10, big.get());
        assertEquals(3, cache.size());
        assertEquals(2 * 38_401 + 2, cache.rows());
    }

    @Test
    void dropsAnswersOfOlderVersionsFirst() {
        VersionedCache cache = new VersionedCache();
        AtomicInteger computed = new AtomicInteger();
        ask(cache, "old-small", 1, 1, computed);
        ask(cache, "old-big", 1, 38_400, computed);
        ask(cache, "new-a", 2, 38_400, computed);
        ask(cache, "new-b", 2, 38_400, computed); // no room: version 1's answers go, not new-a
        assertEquals(4, computed.get());
        ask(cache, "new-a", 2, 38_400, computed);
        ask(cache, "new-b", 2, 38_400, computed);
        assertEquals(4, computed.get());
        assertEquals(2, cache.size());
        assertEquals(2 * 38_401, cache.rows());
    }
}
