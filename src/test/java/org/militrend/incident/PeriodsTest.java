package org.militrend.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The period keys stored with every incident, written with arithmetic for the import's sake, are
 * the strings {@code String.format} and {@code IsoFields} give, on every day the service accepts
 * and beyond.
 */
@Tag("no-db")
class PeriodsTest {

    @Test
    void everyDayFrom1890To2110HasTheKeysOfTheFormatterAndOfIsoFields() {
        int days = 0;
        for (LocalDate d = LocalDate.of(1890, 1, 1); d.getYear() <= 2110; d = d.plusDays(1)) {
            assertEquals(String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue()), Periods.month(d));
            assertEquals(
                    String.format(
                            Locale.ROOT,
                            "%04d-W%02d",
                            d.get(IsoFields.WEEK_BASED_YEAR),
                            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    Periods.week(d),
                    d.toString());
            assertEquals(d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR), Periods.quarter(d));
            days++;
        }
        assertEquals(80_718, days);
    }

    @Test
    void weeksAtTheTurnOfTheYearBelongToTheYearOfTheirThursday() {
        assertEquals("2020-W53", Periods.week(LocalDate.of(2021, 1, 3)));
        assertEquals("2021-W01", Periods.week(LocalDate.of(2021, 1, 4)));
        assertEquals("2020-W01", Periods.week(LocalDate.of(2019, 12, 30)));
        assertEquals("2015-W53", Periods.week(LocalDate.of(2016, 1, 1)));
        assertEquals("0999-03", Periods.month(LocalDate.of(999, 3, 1)));
        assertEquals("12000-03", Periods.month(LocalDate.of(12000, 3, 1)));
    }
}
