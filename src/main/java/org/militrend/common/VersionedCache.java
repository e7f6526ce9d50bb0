package org.militrend.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Answers of the read endpoints (aggregates, trends, hotspots, incident counts) by normalized
 * query, valid only for the data version they were computed at. The version lives in the
 * database, so an instance whose neighbour wrote new data misses at once. One instance serves
 * every feature, so one bound holds for all of them.
 *
 * <p>Bounded by entries and by the rows held, each caller weighing its answer in rows: a
 * {@code groupBy=district,month} aggregate over 20 years has ~38,000 rows, which as maps took ~35
 * MB of heap, so a bound on entries alone let 30 distinct such queries exhaust a 1 GB heap
 * (docs/benchmarks.md, "Aggregates and monthly report").
 */
@ApplicationScoped
public class VersionedCache {

    private static final int MAX_ENTRIES = 2_000;
    /** Rows held by all entries together; a larger answer is not kept. */
    public static final long MAX_ROWS = 100_000;

    private record Entry(long version, Object value, long weight) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong rows = new AtomicLong();

    /**
     * The answer to {@code key} at {@code version}: the one kept, or computed (and kept when it
     * fits). Keys must name the endpoint, as a normalized query does ({@link HttpCaching}).
     *
     * @param rows the answer's weight in rows, at least 1
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, long version, Supplier<T> compute, ToLongFunction<? super T> rows) {
        Entry e = entries.get(key);
        if (e != null && e.version() == version) {
            return (T) e.value();
        }
        T value = compute.get();
        long weight = Math.max(1, rows.applyAsLong(value));
        if (weight > MAX_ROWS) {
            return value;
        }
        if (entries.size() >= MAX_ENTRIES || this.rows.get() + weight > MAX_ROWS) {
            // crude but bounded: a full cache starts over rather than growing without limit
            entries.clear();
            this.rows.set(0);
        }
        Entry old = entries.put(key, new Entry(version, value, weight));
        this.rows.addAndGet(weight - (old == null ? 0 : old.weight()));
        return value;
    }

    /** Rows held, for the bound. */
    public long rows() {
        return rows.get();
    }

    public int size() {
        return entries.size();
    }
}
