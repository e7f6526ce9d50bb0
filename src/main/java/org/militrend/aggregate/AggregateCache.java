package org.militrend.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Results by normalized query, valid only for the data version they were computed at. The
 * version lives in the database, so an instance whose neighbour wrote new data misses at once.
 *
 * <p>Bounded by entries and by the rows held: a {@code groupBy=district,month} result over 20
 * years has ~38,000 rows, which as maps took ~35 MB of heap, so a bound on entries alone let 30
 * distinct such queries exhaust a 1 GB heap (docs/benchmarks.md, "Aggregates and monthly
 * report"). Typed rows hold a few references and longs each, far less; the bound stays, as the
 * rows' count is what it knows.
 */
@ApplicationScoped
class AggregateCache {

    private static final int MAX_ENTRIES = 2_000;
    /** Rows held by all entries together; a larger result is not kept. */
    static final long MAX_ROWS = 100_000;

    private record Entry(long version, Object value, long weight) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong rows = new AtomicLong();

    @SuppressWarnings("unchecked")
    <T> T get(String key, long version, Supplier<T> compute) {
        Entry e = entries.get(key);
        if (e != null && e.version() == version) {
            return (T) e.value();
        }
        T value = compute.get();
        long weight = weight(value);
        if (weight > MAX_ROWS) {
            return value;
        }
        if (entries.size() >= MAX_ENTRIES || rows.get() + weight > MAX_ROWS) {
            // crude but bounded: a full cache starts over rather than growing without limit
            entries.clear();
            rows.set(0);
        }
        Entry old = entries.put(key, new Entry(version, value, weight));
        rows.addAndGet(weight - (old == null ? 0 : old.weight()));
        return value;
    }

    /** Rows held, for the bound. */
    long rows() {
        return rows.get();
    }

    int size() {
        return entries.size();
    }

    private static long weight(Object value) {
        return value instanceof AggregateResult r ? r.rows().size() + 1L : 1L;
    }
}
