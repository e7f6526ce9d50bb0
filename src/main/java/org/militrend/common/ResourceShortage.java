package org.militrend.common;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Failures that say the service is short of a resource right now (no database connection in
 * time, a query or transaction timeout, a database that is closing), not that the request is
 * wrong: they answer 503 with {@code Retry-After}, the client may simply retry.
 */
final class ResourceShortage {

    static final int RETRY_AFTER_SECONDS = 5;

    /** H2: database closed (90098), closed by another thread or the VM's shutdown (90121). */
    private static final Set<Integer> H2_CLOSED = Set.of(90098, 90121);

    private ResourceShortage() {}

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (timedOut(sql) || connectionLost(sql))) {
                return true;
            }
            if (t instanceof JDBCConnectionException
                    || t instanceof QueryTimeoutException
                    || t instanceof LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The pool's "Sorry, acquisition timeout!" carries no SQL state, only its message. */
    private static boolean timedOut(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("acquisition timeout");
    }

    /** SQL state class 08 (connection exception), 57P (PostgreSQL shutting down), H2's closed database. */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return (state != null && (state.startsWith("08") || state.startsWith("57P")))
                || H2_CLOSED.contains(e.getErrorCode());
    }
}
