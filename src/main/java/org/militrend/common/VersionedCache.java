package org.militrend.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
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
 * (docs/benchmarks.md, "Aggregates and monthly report"). Room is made by dropping the answers of
 * older versions first, then the heaviest: three distinct district-by-month tables fill the bound,
 * and starting over then also dropped the one-row answers every request needs (what the datasets
 * hold: ~16 ms to sum again at 2.4M incidents).
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
            makeRoom(version, weight);
        }
        Entry old = entries.put(key, new Entry(version, value, weight));
        this.rows.addAndGet(weight - (old == null ? 0 : old.weight()));
        return value;
    }

    /**
     * Drops entries until one more of {@code weight} rows fits: those of versions other than
     * {@code version} (never asked again once the data changed), then the heaviest.
     */
    private synchronized void makeRoom(long version, long weight) {
        entries.entrySet().removeIf(e -> {
            boolean stale = e.getValue().version() != version;
            if (stale) {
                rows.addAndGet(-e.getValue().weight());
            }
            return stale;
        });
        while (!entries.isEmpty() && (entries.size() >= MAX_ENTRIES || rows.get() + weight > MAX_ROWS)) {
            Map.Entry<String, Entry> heaviest = entries.entrySet().stream()
                    .max(Comparator.comparingLong(e -> e.getValue().weight()))
                    .orElseThrow();
            if (entries.remove(heaviest.getKey(), heaviest.getValue())) {
                rows.addAndGet(-heaviest.getValue().weight());
            }
        }
    }

    /** Rows held, for the bound. */
    public long rows() {
        return rows.get();
    }

    public int size() {
        return entries.size();
    }
}
