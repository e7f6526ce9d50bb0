package org.militrend.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.militrend.aggregate.AggregateQuery;
import org.militrend.aggregate.AggregateResult;
import org.militrend.aggregate.AggregateRow;
import org.militrend.aggregate.AggregateService;
import org.militrend.aggregate.Dimension;
import org.militrend.aggregate.Metric;
import org.militrend.common.DateBounds;
import org.militrend.common.ProblemException;
import org.militrend.incident.Category;
import org.militrend.incident.FilterParams;
import org.militrend.incident.FilterResolver;
import org.militrend.incident.IncidentFilter;
import org.militrend.incident.Periods.Granularity;

/** Builds the monthly report from aggregates: every number is an aggregate the API also serves. */
@ApplicationScoped
public class MonthlyReportService {

    static final int TOP_DISTRICTS = 10;
    private static final List<Metric> ALL = List.of(Metric.values());

    @Inject
    AggregateService aggregates;

    @Inject
    FilterResolver filters;

    @Inject
    TrendFlags trendFlags;

    public static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badParameter("month", value, "'month' is required, as YYYY-MM");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("month", value, "'month' must be YYYY-MM");
        }
        DateBounds.check("month", value, month.atDay(1));
        return month;
    }

    public MonthlyReport build(YearMonth month, FilterParams params) {
        if ((params.from != null && !params.from.isBlank()) || (params.to != null && !params.to.isBlank())) {
            throw ProblemException.badParameter(
                    params.from != null ? "from" : "to",
                    params.from != null ? params.from : params.to,
                    "a monthly report covers its month: use 'month', not 'from'/'to'");
        }
        IncidentFilter base = filters.resolve(params);
        YearMonth previous = month.minusMonths(1);
        YearMonth lastYear = month.minusYears(1);
        AggregateResult now = totals(base, month);
        boolean covered = covered(base, month);
        boolean previousCovered = covered(base, previous);
        Figures totals = Figures.of(now, covered);
        Figures prev = Figures.of(totals(base, previous), previousCovered);
        Figures year = Figures.of(totals(base, lastYear), covered(base, lastYear));

        boolean comparable = covered && previousCovered;
        List<MonthlyReport.PlaceLine> provinces = lines(base, month, previous, comparable, Dimension.PROVINCE, false);
        List<MonthlyReport.PlaceLine> regions = lines(base, month, previous, comparable, Dimension.REGION, false);
        List<MonthlyReport.PlaceLine> districts = lines(base, month, previous, comparable, Dimension.DISTRICT, true);

        // by category, so that every source's suicide attacks count (ACLED "Suicide bomb", GTD suicide=1, PBC)
        IncidentFilter suicide = base.withRange(null, null).onlyCategory(Category.SUICIDE_ATTACK);
        Figures suicideAttacks = Figures.of(totals(suicide, month), covered);

        List<String> warnings = new ArrayList<>(now.warnings());
        if (!covered) {
            warnings.add("no selected complete dataset covers " + month + ": its figures are not known"
                    + (totals.incidents() == null
                            ? ""
                            : "; the incidents that incomplete datasets record in it are listed, but they are no count"
                                    + " of the month"));
        } else if (totals.incidents() == 0) {
            warnings.add("no incidents in " + month + " under these filters");
        }
        for (YearMonth baseline : List.of(previous, lastYear)) {
            if (!covered(base, baseline)) {
                warnings.add(baseline + " is covered by no selected complete dataset: nothing is compared with it");
            }
        }
        return new MonthlyReport(
                month.toString(),
                previous.toString(),
                lastYear.toString(),
                month.atDay(1).toString(),
                month.atEndOfMonth().toString(),
                base.describe(),
                totals,
                prev,
                year,
                changes(prev, totals),
                changes(year, totals),
                provinces,
                regions,
                districts,
                suicideAttacks,
                trendFlags.flags(base, month),
                now.attribution(),
                warnings);
    }

    /** Whether a selected complete dataset covers any of the month (the filter's datasets, or all). */
    private boolean covered(IncidentFilter base, YearMonth month) {
        IncidentFilter f = range(base, month);
        return aggregates
                .coverage(f)
                .state(Granularity.MONTH, month.toString(), f.from(), f.to())
                .covered();
    }

    private AggregateResult totals(IncidentFilter base, YearMonth month) {
        return aggregates.run(new AggregateQuery(List.of(), ALL, range(base, month), false, List.of(), null));
    }

    private List<MonthlyReport.PlaceLine> lines(
            IncidentFilter base, YearMonth month, YearMonth previous, boolean comparable, Dimension by, boolean top) {
        List<Metric> metrics = List.of(Metric.INCIDENTS, Metric.KILLED, Metric.INJURED);
        List<String> sort = top ? List.of("-killed", "-incidents", "-injured") : List.of("-incidents", "-killed");
        AggregateResult current =
                aggregates.run(new AggregateQuery(List.of(by), metrics, range(base, month), false, sort, null, true));
        AggregateResult before =
                aggregates.run(new AggregateQuery(List.of(by), metrics, range(base, previous), false, List.of(), null));
        String codeKey =
                by == Dimension.DISTRICT ? "districtCode" : by == Dimension.PROVINCE ? "provinceCode" : by.key();
        Map<String, Long> killedBefore = new HashMap<>();
        for (AggregateRow r : before.rows()) {
            killedBefore.put(key(r, by, codeKey), (Long) r.get("killed"));
        }
        List<MonthlyReport.PlaceLine> out = new ArrayList<>();
        for (AggregateRow r : current.rows()) {
            if (by == Dimension.DISTRICT && r.get("district") == null) {
                continue; // incidents known only to their province are in no district's line
            }
            if (top && out.size() == TOP_DISTRICTS) {
                break;
            }
            String key = key(r, by, codeKey);
            out.add(new MonthlyReport.PlaceLine(
                    (String) r.get(by.key()),
                    by == Dimension.REGION ? null : (String) r.get(codeKey),
                    by == Dimension.DISTRICT ? (String) r.get("province") : null,
                    r.count("incidents"),
                    (Long) r.get("killed"),
                    (Long) r.get("injured"),
                    r.count("killedUnknown"),
                    r.count("injuredUnknown"),
                    // a place without incidents in a covered month had a true 0
                    Change.of(
                            killedBefore.containsKey(key) ? killedBefore.get(key) : comparable ? 0L : null,
                            comparable,
                            (Long) r.get("killed"),
                            true)));
        }
        return out;
    }

    private static String key(AggregateRow r, Dimension by, String codeKey) {
        Object v = by == Dimension.REGION ? r.get("region") : r.get(codeKey);
        return v + "|" + r.get("province");
    }

    private static Map<String, Change> changes(Figures before, Figures now) {
        Map<String, Change> out = new LinkedHashMap<>();
        for (String metric : List.of("incidents", "killed", "injured", "casualties")) {
            out.put(metric, Change.of(before.get(metric), before.covered(), now.get(metric), now.covered()));
        }
        return out;
    }

    private static IncidentFilter range(IncidentFilter base, YearMonth month) {
        LocalDate from = month.atDay(1);
        return base.withRange(from, month.atEndOfMonth());
    }
}
