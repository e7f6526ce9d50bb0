package org.militrend.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.militrend.common.Csv;
import org.militrend.incident.IncidentFilter;

/**
 * {@link RowBytes} writes exactly what Jackson's generator and Commons CSV write for the same
 * values, cell by cell: over seeded random rows whose labels hold every character that JSON
 * escapes or CSV quotes or neutralizes (quotes, backslashes, commas, line breaks, control
 * characters, formula starts, non-ASCII and surrogate pairs), with unknown figures, every
 * coverage state and per-capita rates.
 */
@Tag("no-db")
class RowBytesTest {

    private static final String[] PIECES = {
        "a",
        "Z",
        " ",
        "\"",
        "\\",
        ",",
        "\n",
        "\r",
        "\t",
        "\u0001",
        "\u001f",
        "\u007f",
        "=",
        "+",
        "-",
        "@",
        "'",
        "#",
        "!",
        "/",
        "é",
        "’",
        "\u2028",
        "\uD83D\uDE00",
        "7",
        "-3.5",
        ";",
        "<",
        "}"
    };

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void json_and_csv_are_those_of_jackson_and_commons_csv(long seed) throws IOException {
        Random random = new Random(seed);
        boolean perCapita = random.nextBoolean();
        List<Dimension> groupBy = random.nextBoolean()
                ? List.of(Dimension.DISTRICT, Dimension.MONTH)
                : List.of(Dimension.MONTH, Dimension.DISTRICT);
        AggregateQuery q = new AggregateQuery(
                groupBy,
                List.of(Metric.INCIDENTS, Metric.KILLED, Metric.INJURED),
                IncidentFilter.none(),
                perCapita,
                List.of(),
                null,
                random.nextBoolean());
        RowColumns columns = RowColumns.of(q);
        List<AggregateRow> rows = new ArrayList<>();
        int groups = 1 + random.nextInt(6);
        for (int g = 0; g < groups; g++) {
            String[] text = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                if (columns.kind(i) == RowColumns.Kind.TEXT) {
                    text[i] = random.nextInt(5) == 0 ? null : label(random);
                }
            }
            Long population = random.nextInt(4) == 0 ? null : (long) random.nextInt(3_000_000);
            RowGroup group = new RowGroup(text, population);
            int periods = 1 + random.nextInt(30);
            for (int p = 0; p < periods; p++) {
                long[] figures = new long[6];
                for (int j = 0; j < figures.length; j++) {
                    figures[j] = random.nextInt(3) == 0 ? random.nextLong() >>> random.nextInt(64) : random.nextInt(10);
                }
                String period = random.nextInt(8) == 0 ? null : String.format("%04d-%02d", 2000 + p / 12, 1 + p % 12);
                Coverage.State state = random.nextInt(5) == 0
                        ? null
                        : Coverage.State.values()[random.nextInt(Coverage.State.values().length)];
                rows.add(new AggregateRow(columns, group, period, state, figures, random.nextInt(64)));
            }
        }

        assertEquals(
                new String(jacksonJson(columns, rows), StandardCharsets.UTF_8),
                new String(rowBytesJson(rows), StandardCharsets.UTF_8));
        assertArrayEquals(commonsCsv(columns, rows), rowBytesCsv(columns, rows));
    }

    @Test
    void a_first_empty_csv_cell_is_quoted_and_a_row_without_groups_writes_its_figures() throws IOException {
        AggregateQuery q = new AggregateQuery(
                List.of(Dimension.DISTRICT), List.of(Metric.KILLED), IncidentFilter.none(), false, List.of(), null);
        RowColumns columns = RowColumns.of(q);
        RowGroup group = new RowGroup(new String[] {null, "PK-X", "=Sindh, \"south\""}, null);
        List<AggregateRow> rows = List.of(
                new AggregateRow(columns, group, null, null, new long[] {12, 0}, 0),
                new AggregateRow(columns, group, null, null, new long[] {0, 3}, 1));

        assertEquals(
                "district,districtCode,province,killed\n\"\",PK-X,\"'=Sindh, \"\"south\"\"\",12\n\"\",PK-X,\"'=Sindh, \"\"south\"\"\",\n",
                new String(rowBytesCsv(columns, rows), StandardCharsets.UTF_8));
        assertEquals(
                "[{\"district\":null,\"districtCode\":\"PK-X\",\"province\":\"=Sindh, \\\"south\\\"\",\"killed\":12},"
                        + "{\"district\":null,\"districtCode\":\"PK-X\",\"province\":\"=Sindh, \\\"south\\\"\",\"killed\":null}]",
                new String(rowBytesJson(rows), StandardCharsets.UTF_8));
    }

    private static String label(Random random) {
        StringBuilder label = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            label.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return label.toString();
    }

    /** The rows as Jackson's generator writes their values (the serializer before RowBytes). */
    private static byte[] jacksonJson(RowColumns columns, List<AggregateRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartArray();
            for (AggregateRow row : rows) {
                g.writeStartObject();
                for (String name : columns.names()) {
                    g.writeFieldName(name);
                    Object value = row.get(name);
                    if (value == null) {
                        g.writeNull();
                    } else if (value instanceof String s) {
                        g.writeString(s);
                    } else if (value instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else if (value instanceof Double d) {
                        g.writeNumber(d);
                    } else {
                        g.writeNumber(((Number) value).longValue());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toByteArray();
    }

    private static byte[] rowBytesJson(List<AggregateRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            new RowBytes.JsonArray().serialize(rows, g, null);
        }
        return out.toByteArray();
    }

    /** The rows as Commons CSV prints their cells (the printer before RowBytes). */
    private static byte[] commonsCsv(RowColumns columns, List<AggregateRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            CSVPrinter printer = Csv.printer(writer, columns.names());
            for (AggregateRow row : rows) {
                for (String name : columns.names()) {
                    printer.print(Csv.cell(row.get(name)));
                }
                printer.println();
            }
            printer.flush();
        }
        return out.toByteArray();
    }

    private static byte[] rowBytesCsv(RowColumns columns, List<AggregateRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AggregateResult result = new AggregateResult(null, columns.names(), rows, Map.of(), List.of(), List.of());
        AggregateResource.toCsv(result).write(out);
        return out.toByteArray();
    }
}
