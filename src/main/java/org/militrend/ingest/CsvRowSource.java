package org.militrend.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** A CSV file (RFC 4180, quoted cells may hold line breaks) as a {@link RowSource}. */
final class CsvRowSource implements RowSource {

    private static final CSVFormat CSV = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .setIgnoreEmptyLines(true)
            .get();

    private final Reader reader;

    CsvRowSource(Reader reader) {
        this.reader = reader;
    }

    @Override
    public void read(Sink sink) throws IOException, SQLException, Unreadable {
        CSVParser parser;
        try {
            parser = CSV.parse(reader);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new Unreadable(1, "the header cannot be read: " + reason(e));
        }
        try (parser) {
            Map<String, Integer> columns = parser.getHeaderMap();
            List<String> names = parser.getHeaderNames();
            if (!sink.header(names == null ? List.of() : names)) {
                return;
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new Unreadable(parser.getCurrentLineNumber(), "the CSV cannot be parsed here: " + reason(e));
                }
                // the row number as a spreadsheet shows it (header = 1), whatever line breaks the cells hold
                sink.row(new SourceRow(record.getRecordNumber() + 1, columns, record.values()));
            }
        }
    }

    static String reason(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? "malformed CSV" : t.getMessage();
        // Commons CSV messages are readable but may name its own classes; keep the part after them.
        return m.replaceAll("[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w+", "").trim();
    }
}
