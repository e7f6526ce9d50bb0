package org.militrend.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.militrend.common.Csv;

/**
 * The monthly report as one long (tidy) table: a row per figure, {@code section, place, code,
 * province, measure, value}. Sections follow the JSON: {@code report} (the months compared),
 * {@code totals}, {@code previous}, {@code lastYear}, {@code suicideAttacks}, {@code
 * changeVsPreviousMonth}, {@code changeVsSameMonthLastYear}, {@code byProvince}, {@code byRegion},
 * {@code topDistricts}, {@code trendFlags} and {@code warnings}. A nested figure's measure is
 * dotted ({@code killed.percent}, {@code killedVsPreviousMonth.band}). The measures are read from
 * the records themselves, so a figure added to the JSON appears in the CSV too.
 */
final class ReportCsv {

    static final List<String> HEADER = List.of("section", "place", "code", "province", "measure", "value");

    private ReportCsv() {}

    static String of(MonthlyReport r) {
        List<List<Object>> rows = new ArrayList<>();
        add(rows, "report", null, null, null, "month", r.month());
        add(rows, "report", null, null, null, "previousMonth", r.previousMonth());
        add(rows, "report", null, null, null, "sameMonthLastYear", r.sameMonthLastYear());
        figures(rows, "totals", r.totals());
        figures(rows, "previous", r.previous());
        figures(rows, "lastYear", r.lastYear());
        figures(rows, "suicideAttacks", r.suicideAttacks());
        changes(rows, "changeVsPreviousMonth", r.changeVsPreviousMonth());
        changes(rows, "changeVsSameMonthLastYear", r.changeVsSameMonthLastYear());
        places(rows, "byProvince", r.byProvince());
        places(rows, "byRegion", r.byRegion());
        places(rows, "topDistricts", r.topDistricts());
        for (MonthlyReport.TrendFlag f : r.trendFlags()) {
            components(rows, "trendFlags", f.district(), null, null, "", f, List.of("district"));
        }
        for (String w : r.warnings()) {
            add(rows, "warnings", null, null, null, "warning", w);
        }
        return Csv.write(HEADER, rows);
    }

    private static void figures(List<List<Object>> rows, String section, Record figures) {
        if (figures != null) {
            components(rows, section, null, null, null, "", figures, List.of());
        }
    }

    private static void changes(List<List<Object>> rows, String section, Map<String, Change> changes) {
        if (changes != null) {
            changes.forEach(
                    (metric, change) -> components(rows, section, null, null, null, metric + ".", change, List.of()));
        }
    }

    private static void places(List<List<Object>> rows, String section, List<MonthlyReport.PlaceLine> lines) {
        for (MonthlyReport.PlaceLine p : lines) {
            components(rows, section, p.name(), p.code(), p.province(), "", p, List.of("name", "code", "province"));
        }
    }

    /** A row per component of {@code record} (nested records flattened), except those in {@code skip}. */
    private static void components(
            List<List<Object>> rows,
            String section,
            String place,
            String code,
            String province,
            String prefix,
            Record record,
            List<String> skip) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (skip.contains(c.getName())) {
                continue;
            }
            Object value = value(c, record);
            if (value instanceof Record nested) {
                components(rows, section, place, code, province, prefix + c.getName() + ".", nested, List.of());
            } else {
                add(rows, section, place, code, province, prefix + c.getName(), value);
            }
        }
    }

    private static Object value(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
        }
    }

    private static void add(
            List<List<Object>> rows,
            String section,
            String place,
            String code,
            String province,
            String measure,
            Object value) {
        List<Object> row = new ArrayList<>(6);
        row.add(section);
        row.add(place);
        row.add(code);
        row.add(province);
        row.add(measure);
        row.add(value);
        rows.add(row);
    }
}
