package org.militrend.ingest;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * One COPY stream fed from a thread of its own: the import's thread parses, resolves, hashes and
 * encodes rows while this thread hands the previous chunks to PostgreSQL, whose work runs on
 * the server's core. A bounded queue of encoded chunks keeps the memory flat. While the stream
 * is open the connection belongs to it: the import's thread {@link #finish() finishes} it before
 * any other statement.
 *
 * <p>A failure on either side ends the stream without committing anything: the writer's failure
 * is rethrown to the import's thread at its next {@link #send} or {@link #finish}, and the
 * import's failure {@link #abort() aborts} the stream (COPY fails, the transaction rolls back).
 */
final class CopyPipe {

    /** Chunks waiting to be written: enough to ride out a slow moment of either side. */
    private static final int QUEUE_CHUNKS = 8;

    private static final byte[] END = new byte[0];
    private static final byte[] ABORT = new byte[0];

    private final CopyManager manager;
    private final String sql;
    private final String threadName;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private Thread writer;
    private volatile Throwable failure;

    CopyPipe(CopyManager manager, String sql, String threadName) {
        this.manager = manager;
        this.sql = sql;
        this.threadName = threadName;
    }

    /** Whether a stream is open (the connection is then busy with it). */
    boolean open() {
        return writer != null;
    }

    /** Queues encoded rows (COPY text format, whole lines), opening the stream if needed. */
    void send(byte[] rows) throws SQLException {
        if (writer == null) {
            failure = null;
            queue.clear();
            writer = new Thread(this::write, threadName);
            writer.setDaemon(true);
            writer.start();
        }
        put(rows);
    }

    /** Ends the stream and waits for PostgreSQL to have taken every row; rethrows its failure. */
    void finish() throws SQLException {
        if (writer == null) {
            return;
        }
        try {
            put(END);
        } finally {
            join();
        }
        if (failure != null) {
            throw failed();
        }
    }

    /** Ends the stream without its rows (the import failed): COPY is cancelled. Never throws. */
    void abort() {
        if (writer == null) {
            return;
        }
        queue.clear();
        // the writer may be inside a write: the queue has room now, and it stops at the marker
        queue.offer(ABORT);
        join();
    }

    private void put(byte[] rows) throws SQLException {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null || !writer.isAlive()) {
                    throw failed();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new SQLException("the import was interrupted while streaming rows to COPY", e);
        }
        if (failure != null) {
            throw failed();
        }
    }

    private SQLException failed() {
        Throwable f = failure;
        abort();
        if (f instanceof SQLException e) {
            return e;
        }
        return new SQLException(
                "COPY of the new rows failed: " + (f == null ? "the writer stopped" : f.getMessage()), f);
    }

    private void join() {
        if (writer == null) {
            return;
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        writer = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer thread: one COPY from the first chunk to the end marker. */
    private void write() {
        CopyIn in = null;
        try {
            in = manager.copyIn(sql);
            while (true) {
                byte[] rows = queue.take();
                if (rows == END) {
                    in.endCopy();
                    return;
                }
                if (rows == ABORT) {
                    return;
                }
                in.writeToCopy(rows, 0, rows.length);
            }
        } catch (Throwable t) {
            failure = t;
            queue.clear();
        } finally {
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException | RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        }
    }
}
