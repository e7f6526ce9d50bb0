package org.militrend.aggregate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.militrend.common.Csv;

/**
 * The rows of one answer as UTF-8 bytes, in JSON or CSV, byte for byte as Jackson's generator and
 * Commons CSV write them ({@code AggregateAnswerBytesTest} holds both to the answers captured
 * before).
 *
 * <p>Why not the generator and the printer themselves: a {@code groupBy=district,month} answer
 * over 20 years is 38,400 rows of ~10 cells, and writing each cell through them (escaping every
 * label again, a string per number, a quoting scan per CSV cell) was most of the service's own
 * cost of an uncached answer (docs/benchmarks.md, "The answer's own cost"). Here what the rows
 * share is encoded once: the column names, each group's labels, codes and population (the first
 * time a row of the group is written), each period, and figures are written as ASCII digits
 * into one reused buffer, which the caller drains whenever it holds more than {@link #CHUNK}
 * bytes. Nothing is allocated per row.
 */
final class RowBytes {

    /**
     * Bytes held before they are drained: a quarter of the buffer of Jackson's generator (8,000
     * bytes), so that most chunks are copied into it rather than handed over as a copy of their own.
     */
    static final int CHUNK = 2_000;

    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private final RowColumns columns;
    private final boolean json;
    /** JSON only: the factory of the generator the rows go to, which encodes each text once. */
    private final JsonFactory factory;
    /**
     * Per column, what comes before a value written here (not for those encoded once, which carry
     * it): JSON the quoted name and colon, after a comma from the second column on; CSV the comma.
     */
    private final byte[][] before;
    /** Per column, CSV only: the empty cell (quoted {@code ""} when first in its line, as Commons CSV does). */
    private final byte[][] emptyCells;
    /** Per column, CSV only: {@code true} and {@code false} cells with what comes before them. */
    private final byte[][] trueCells;

    private final byte[][] falseCells;
    /**
     * The columns as runs of adjacent columns decided alike: by the row's group, by its period, or
     * each by the row. A run of the first two is written as one piece, encoded once per group or
     * period, so that a district-by-month row is five pieces rather than fifteen.
     */
    private final Run[] runs;
    /** Per group: the bytes of each of its runs, in order, each cell with what precedes it. */
    private final Map<RowGroup, byte[][]> groups = new IdentityHashMap<>();
    /** Per period and coverage: the bytes of each of its runs, in order. */
    private final Map<PeriodKey, byte[][]> periods = new HashMap<>();
    /** The period of the row before and its runs' bytes: rows come period after period. */
    private PeriodKey lastPeriod;

    private byte[][] lastPeriodRuns;

    /** What decides the cells of a column. */
    private enum Decider {
        /** Labels, codes and population: the row's group. */
        GROUP,
        /** The period and its coverage. */
        PERIOD,
        /** The figures: each row. */
        ROW;

        static Decider of(RowColumns.Kind kind) {
            return switch (kind) {
                case TEXT, POPULATION -> GROUP;
                case PERIOD, COVERED, PARTIAL -> PERIOD;
                case METRIC, UNKNOWN, PER_100K -> ROW;
            };
        }
    }

    /** Columns {@code from} to {@code to} (exclusive), decided by {@code decider}. */
    private record Run(Decider decider, int from, int to) {}

    /** What a row's period cells depend on. */
    private record PeriodKey(String period, boolean covered, boolean partial) {}

    private byte[] buffer = new byte[CHUNK * 2];
    private int length;
    private int rows;

    private RowBytes(RowColumns columns, JsonFactory factory) {
        this.columns = columns;
        this.json = factory != null;
        this.factory = factory;
        int n = columns.size();
        before = new byte[n][];
        emptyCells = new byte[n][];
        trueCells = new byte[n][];
        falseCells = new byte[n][];
        for (int i = 0; i < n; i++) {
            if (json) {
                before[i] = concat(
                        ascii(i == 0 ? "" : ","),
                        concat(jsonString(columns.names().get(i)), ascii(":")));
            } else {
                before[i] = ascii(i == 0 ? "" : ",");
                emptyCells[i] = csvCell("", i);
                trueCells[i] = csvCell("true", i);
                falseCells[i] = csvCell("false", i);
            }
        }
        List<Run> adjacent = new ArrayList<>();
        for (int i = 0; i < n; ) {
            Decider decider = Decider.of(columns.kind(i));
            int to = i + 1;
            while (to < n && Decider.of(columns.kind(to)) == decider) {
                to++;
            }
            adjacent.add(new Run(decider, i, to));
            i = to;
        }
        runs = adjacent.toArray(new Run[0]);
    }

    /**
     * Rows written as the elements of a JSON array (objects separated by commas, no brackets), their
     * texts encoded by generators of {@code factory}, as the generator the rows go to would write them.
     */
    static RowBytes json(RowColumns columns, JsonFactory factory) {
        return new RowBytes(columns, factory);
    }

    /** Rows written as CSV lines, each ended by a line feed, no header. */
    static RowBytes csv(RowColumns columns) {
        return new RowBytes(columns, null);
    }

    /**
     * The rows of an answer (all of one answer's columns) as a JSON array, each chunk of rows handed
     * to the generator as raw bytes between the array's brackets, which the generator writes.
     */
    static final class JsonArray extends StdSerializer<List<AggregateRow>> {

        /** For a generator made without a mapper (no codec), whose factory is then a default one. */
        private static final JsonFactory DEFAULT_FACTORY = new JsonFactory();

        JsonArray() {
            super(List.class, false);
        }

        @Override
        public void serialize(List<AggregateRow> rows, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            out.writeStartArray();
            if (!rows.isEmpty()) {
                JsonFactory factory = out.getCodec() == null
                        ? DEFAULT_FACTORY
                        : out.getCodec().getFactory();
                RowBytes bytes = json(rows.get(0).columns(), factory);
                Chunk chunk = new Chunk(bytes);
                for (AggregateRow row : rows) {
                    bytes.append(row);
                    if (bytes.length() >= CHUNK) {
                        out.writeRaw(chunk);
                        bytes.drained();
                    }
                }
                out.writeRaw(chunk);
                bytes.drained();
            }
            out.writeEndArray();
        }
    }

    /** Writes the CSV lines of an answer's rows (its header aside) to {@code out}. */
    static void writeCsv(List<AggregateRow> rows, OutputStream out) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        RowBytes bytes = csv(rows.get(0).columns());
        for (AggregateRow row : rows) {
            bytes.append(row);
            if (bytes.length() >= CHUNK) {
                out.write(bytes.buffer(), 0, bytes.length());
                bytes.drained();
            }
        }
        out.write(bytes.buffer(), 0, bytes.length());
        bytes.drained();
    }

    /** Appends one row (of this answer's columns). */
    void append(AggregateRow row) {
        if (json) {
            if (rows > 0) {
                put((byte) ',');
            }
            put((byte) '{');
        }
        byte[][] group = null;
        byte[][] period = null;
        int groupRun = 0;
        int periodRun = 0;
        for (Run run : runs) {
            switch (run.decider()) {
                case GROUP -> {
                    if (group == null) {
                        group = groups.computeIfAbsent(row.group(), this::groupRuns);
                    }
                    put(group[groupRun++]);
                }
                case PERIOD -> {
                    if (period == null) {
                        period = periodRuns(row);
                    }
                    put(period[periodRun++]);
                }
                case ROW -> {
                    for (int i = run.from(); i < run.to(); i++) {
                        figure(row, i);
                    }
                }
            }
        }
        put((byte) (json ? '}' : '\n'));
        rows++;
    }

    /** A cell of a figure column: a metric, its unknowns or its rate. */
    private void figure(AggregateRow row, int i) {
        if (row.isNull(i)) {
            empty(i);
        } else if (columns.kind(i) != RowColumns.Kind.PER_100K) {
            put(before[i]);
            digits(row.figure(i));
        } else if (json) {
            // Jackson writes a double as Double.toString does (its fast writer is off)
            put(before[i]);
            put(ascii(Double.toString(row.per100k(columns.metric(i)))));
        } else {
            put(csvCell(row.csvCell(i), i));
        }
    }

    /** The bytes of the row's period runs, encoded the first time its period and coverage come. */
    private byte[][] periodRuns(AggregateRow row) {
        if (lastPeriod != null
                && lastPeriod.period() == row.period()
                && lastPeriod.covered() == row.covered()
                && lastPeriod.partial() == row.partial()) {
            return lastPeriodRuns;
        }
        lastPeriod = new PeriodKey(row.period(), row.covered(), row.partial());
        lastPeriodRuns = periods.computeIfAbsent(lastPeriod, this::periodRuns);
        return lastPeriodRuns;
    }

    private byte[][] periodRuns(PeriodKey key) {
        return runBytes(Decider.PERIOD, i -> switch (columns.kind(i)) {
            case PERIOD -> cell(key.period(), i);
            case COVERED -> boolCell(i, key.covered());
            default -> boolCell(i, key.partial());
        });
    }

    /** The bytes of each run of {@code decider}, in order: its columns' cells one after another. */
    private byte[][] runBytes(Decider decider, IntFunction<byte[]> cell) {
        List<byte[]> out = new ArrayList<>();
        for (Run run : runs) {
            if (run.decider() == decider) {
                byte[] bytes = new byte[0];
                for (int i = run.from(); i < run.to(); i++) {
                    bytes = concat(bytes, cell.apply(i));
                }
                out.add(bytes);
            }
        }
        return out.toArray(new byte[0][]);
    }

    /** Bytes appended and not yet drained. */
    int length() {
        return length;
    }

    /** The buffer holding {@link #length()} bytes from its start; valid until the next append. */
    byte[] buffer() {
        return buffer;
    }

    /** Forgets the bytes appended (the caller wrote them out). */
    void drained() {
        length = 0;
    }

    private byte[][] groupRuns(RowGroup group) {
        return runBytes(Decider.GROUP, i -> groupCell(group, i));
    }

    /** A cell of a column the group decides: a label or code, or the population. */
    private byte[] groupCell(RowGroup group, int i) {
        if (columns.kind(i) == RowColumns.Kind.TEXT) {
            return cell(group.text()[i], i);
        }
        Long population = group.population();
        return json
                ? concat(before[i], population == null ? NULL : ascii(population.toString()))
                : csvCell(Csv.cell(population), i);
    }

    /** A text cell: JSON a quoted, escaped string or null; CSV as {@link Csv#cell} neutralizes it. */
    private byte[] cell(String text, int column) {
        if (!json) {
            return csvCell(Csv.cell(text), column);
        }
        return concat(before[column], text == null ? NULL : jsonString(text));
    }

    /**
     * A JSON string as a generator of the rows' factory writes it: quoted and escaped as it escapes
     * (characters outside the Basic Multilingual Plane, for one, as two escaped surrogates).
     */
    private byte[] jsonString(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A CSV cell as Commons CSV prints it (quoted when needed), after the comma unless it is the line's first. */
    private static byte[] csvCell(String value, int column) {
        StringBuilder out = new StringBuilder();
        try {
            Csv.FORMAT.print(value, out, column == 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return utf8(out.toString());
    }

    private byte[] boolCell(int column, boolean value) {
        if (json) {
            return concat(before[column], value ? TRUE : FALSE);
        }
        return value ? trueCells[column] : falseCells[column];
    }

    private void empty(int column) {
        if (json) {
            put(before[column]);
            put(NULL);
        } else {
            put(emptyCells[column]);
        }
    }

    /** A long in decimal ASCII, as {@link Long#toString} writes it, without making the string. */
    private void digits(long value) {
        if (value == Long.MIN_VALUE) {
            put(ascii(Long.toString(value)));
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int end = length + digitCount(value);
        int at = end;
        do {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        length = end;
    }

    private static int digitCount(long value) {
        int n = 1;
        for (long limit = 10; n < 19 && value >= limit; limit *= 10) {
            n++;
        }
        return n;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The bytes of a {@link RowBytes} not yet drained, as the raw text Jackson's {@link
     * JsonGenerator#writeRaw(SerializableString)} copies into its buffer. Raw JSON is never quoted
     * again, so the quoting methods are not supported.
     */
    private static final class Chunk implements SerializableString {

        private final RowBytes bytes;

        Chunk(RowBytes bytes) {
            this.bytes = bytes;
        }

        @Override
        public String getValue() {
            return new String(bytes.buffer, 0, bytes.length, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return Arrays.copyOf(bytes.buffer, bytes.length);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (bytes.length > buffer.length - offset) {
                return -1;
            }
            System.arraycopy(bytes.buffer, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String text = getValue();
            if (text.length() > buffer.length - offset) {
                return -1;
            }
            text.getChars(0, text.length(), buffer, offset);
            return text.length();
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes.buffer, 0, bytes.length);
            return bytes.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (bytes.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(bytes.buffer, 0, bytes.length);
            return bytes.length;
        }

        @Override
        public char[] asQuotedChars() {
            throw quoting();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw quoting();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw quoting();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw quoting();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw quoting();
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw quoting();
        }

        private static UnsupportedOperationException quoting() {
            return new UnsupportedOperationException("rows are raw JSON, never quoted");
        }
    }
}
