package org.militrend.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.militrend.incident.DatePrecision;

/** The coded cells of the source formats (ACLED's time_precision, UCDP's where_prec, GTD's specificity). */
@Tag("no-db")
class CodedCellTest {

    private static final Map<String, DatePrecision> CODES = Map.of("1", DatePrecision.DAY, "3", DatePrecision.MONTH);

    private static DatePrecision read(RowContext row, String raw) {
        return row.coded("time_precision", raw, CODES, DatePrecision.DAY, "not 1 or 3; read as the day");
    }

    @Test
    void aKnownCodeIsReadThroughItsMap() {
        RowContext row = new RowContext(7);
        assertEquals(DatePrecision.MONTH, read(row, "3"));
        assertEquals(DatePrecision.MONTH, read(row, "\u00a03 "));
        assertEquals(List.of(), row.warnings);
    }

    @Test
    void aBlankCellIsTheDefaultWithoutAWarning() {
        RowContext row = new RowContext(7);
        assertEquals(DatePrecision.DAY, read(row, null));
        assertEquals(DatePrecision.DAY, read(row, "  "));
        assertNull(row.coded("geo_precision", "", Map.of("1", "exact"), null, "unknown"));
        assertEquals(List.of(), row.warnings);
    }

    @Test
    void anUnknownCodeIsTheDefaultWithAWarningNamingLineColumnAndValue() {
        RowContext row = new RowContext(7);
        assertEquals(DatePrecision.DAY, read(row, "9"));
        assertNull(row.coded("geo_precision", "x", Map.of("1", "exact"), null, "not 1"));
        assertEquals(
                List.of(
                        new ImportMessage(7L, "time_precision", "9", "not 1 or 3; read as the day"),
                        new ImportMessage(7L, "geo_precision", "x", "not 1")),
                row.warnings);
        assertEquals(List.of(), row.errors);
    }
}
