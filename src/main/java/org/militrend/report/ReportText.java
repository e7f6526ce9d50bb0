package org.militrend.report;

import io.quarkus.qute.TemplateExtension;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How the printable report words a figure: a number, "n/a (k incidents lack the figure)" when every
 * incident behind it lacks it, and "not covered" for a period no complete dataset covers. A
 * printed 0 would claim a count nobody made.
 */
public final class ReportText {

    private ReportText() {}

    /** A headline figure; nothing but "not covered" for a month no complete dataset covers. */
    @TemplateExtension
    static String figure(Figures f, String metric) {
        if (!f.covered()) {
            return Change.NOT_COVERED;
        }
        return count(f.get(metric), f.unknownOf(metric));
    }

    /** A place's killed figure. */
    @TemplateExtension
    static String killedText(MonthlyReport.PlaceLine p) {
        return count(p.killed(), p.killedUnknown());
    }

    /** A place's injured figure. */
    @TemplateExtension
    static String injuredText(MonthlyReport.PlaceLine p) {
        return count(p.injured(), p.injuredUnknown());
    }

    /** A count, with how many incidents lack it; "n/a (…)" when all do. */
    static String count(Long value, long unknown) {
        String lacking = unknown + (unknown == 1 ? " incident lacks" : " incidents lack") + " the figure";
        if (value == null) {
            return "n/a (" + lacking + ")";
        }
        String n = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
        return unknown > 0 ? n + " (" + lacking + ")" : n;
    }
}
