package org.militrend.ingest;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * A file read as a header and rows, streaming: CSV or XLSX. Push-style because the XLSX reader
 * is a SAX parser; the sink sees the header first, then each row, and never the whole file.
 */
interface RowSource {

    /** Receives what a {@link RowSource} reads. */
    interface Sink {
        /** The header's column names; false stops reading (the file is rejected). */
        boolean header(List<String> names);

        void row(SourceRow row) throws SQLException;
    }

    /** The file cannot be read further at {@code line}: nothing of it is imported. */
    final class Unreadable extends Exception {
        final long line;

        Unreadable(long line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    void read(Sink sink) throws IOException, SQLException, Unreadable;
}
