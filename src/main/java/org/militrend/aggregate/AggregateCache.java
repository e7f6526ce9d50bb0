package org.militrend.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Results by normalized query, valid only for the data version they were computed at. The
 * version lives in the database, so an instance whose neighbour wrote new data misses at once.
 */
@ApplicationScoped
class AggregateCache {

    private static final int MAX_ENTRIES = 2_000;

    private record Entry(long version, Object value) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(String key, long version, Supplier<T> compute) {
        Entry e = entries.get(key);
        if (e != null && e.version() == version) {
            return (T) e.value();
        }
        T value = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            // crude but bounded: a full cache starts over rather than growing without limit
            entries.clear();
        }
        entries.put(key, new Entry(version, value));
        return value;
    }
}
