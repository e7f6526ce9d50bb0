package org.militrend.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of the imports running in this service instance, so that {@code GET /imports/{id}}
 * can show a running import to a second client. Kept in memory: the import's rows are invisible
 * to other transactions until it commits anyway.
 */
@ApplicationScoped
class ImportProgress {

    /** Counters of one running import, updated by the import's thread. */
    static final class Tracker {
        final AtomicLong rows = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final long totalBytes;
        final long startNanos = System.nanoTime();

        Tracker(long totalBytes) {
            this.totalBytes = totalBytes;
        }

        ImportProgressView view() {
            double elapsed = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            long done = bytes.get();
            Double left = done <= 0 || totalBytes <= 0 ? null : Math.max(0, elapsed * (totalBytes - done) / done);
            return new ImportProgressView(rows.get(), done, totalBytes, rows.get() / elapsed, left, elapsed);
        }
    }

    private final Map<Long, Tracker> running = new ConcurrentHashMap<>();

    Tracker start(long importId, long totalBytes) {
        Tracker t = new Tracker(totalBytes);
        running.put(importId, t);
        return t;
    }

    void finish(long importId) {
        running.remove(importId);
    }

    List<ImportProgressView> all() {
        return running.values().stream().map(Tracker::view).toList();
    }

    Optional<ImportProgressView> of(long importId) {
        return Optional.ofNullable(running.get(importId)).map(Tracker::view);
    }
}
