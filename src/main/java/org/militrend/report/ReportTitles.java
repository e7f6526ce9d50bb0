package org.militrend.report;

import io.quarkus.qute.TemplateExtension;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Titles of the printable report: a month reads as words ("June 2013"), as a reader writes it. */
public final class ReportTitles {

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private ReportTitles() {}

    /** {@code "2013-06"} as {@code "June 2013"}. */
    @TemplateExtension
    static String monthTitle(String month) {
        return YearMonth.parse(month).format(MONTH_YEAR);
    }
}
