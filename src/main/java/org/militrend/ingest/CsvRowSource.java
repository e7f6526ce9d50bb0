package org.militrend.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
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
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setIgnoreEmptyLines(true)
            .get();

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");

    private final Reader reader;

    CsvRowSource(Reader reader) {
        this.reader = reader;
    }

    @Override
    public void read(Sink sink) throws IOException, SQLException, Unreadable {
        CSVParser parser;
        try {
            parser = CSV.parse(reader);
        } catch (CSVException | UncheckedIOException | IllegalArgumentException e) {
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
                    throw new Unreadable(
                            startLine(e, parser.getCurrentLineNumber()), "the CSV cannot be parsed here: " + reason(e));
                }
                // the row number as a spreadsheet shows it (header = 1), whatever line breaks the cells hold
                sink.row(new SourceRow(record.getRecordNumber() + 1, columns, record.values()));
            }
        }
    }

    /** The line the broken record starts on, as Commons CSV names it, else where the parser stopped. */
    private static long startLine(Exception e, long current) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        Matcher m = START_LINE.matcher(t.getMessage() == null ? "" : t.getMessage());
        return m.find() ? Long.parseLong(m.group(1)) : current;
    }

    static String reason(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? "malformed CSV" : t.getMessage();
        if (m.contains("EOF reached before encapsulated token finished")) {
            // a file cut short, or a stray quote that swallowed the rest of the file
            return "a quote opened here is never closed: the file ends inside a quoted cell";
        }
        // Commons CSV messages are readable but may name its own classes; keep the part after them.
        return START_LINE
                .matcher(m)
                .replaceAll("")
                .replaceAll("[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w+", "")
                .trim();
    }
}
