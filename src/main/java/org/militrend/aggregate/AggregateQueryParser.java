package org.militrend.aggregate;

import static org.militrend.common.QueryValues.bool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.militrend.common.ProblemException;
import org.militrend.incident.FilterParams;
import org.militrend.incident.FilterResolver;
import org.militrend.incident.IncidentFilter;

/** Validates aggregate parameters into an {@link AggregateQuery}; every mistake is a 400 naming it. */
@ApplicationScoped
class AggregateQueryParser {

    static final int MAX_LIMIT = 100_000;

    @Inject
    FilterResolver filters;

    @Inject
    AggregateService service;

    @Inject
    AnswerSize answerSize;

    AggregateQuery parse(FilterParams f, AggregateParams p) {
        List<Dimension> groupBy = new ArrayList<>();
        for (String name : FilterResolver.split(p.groupBy)) {
            Dimension d = Dimension.parse(name)
                    .orElseThrow(() -> ProblemException.badParameter(
                            "groupBy",
                            name,
                            "unknown dimension; use province, division, district, region, eventType, actor, dataset, category, year,"
                                    + " quarter, month or week"));
            if (!groupBy.contains(d)) {
                groupBy.add(d);
            }
        }
        if (groupBy.stream().filter(Dimension::isTime).count() > 1) {
            throw ProblemException.badParameter(
                    "groupBy", String.join(",", p.groupBy), "at most one of year, quarter, month, week");
        }
        List<String> metricNames = FilterResolver.split(p.metrics);
        List<Metric> metrics = new ArrayList<>();
        for (String name : metricNames.isEmpty() ? List.of("incidents", "killed", "injured") : metricNames) {
            Metric m = Metric.parse(name)
                    .orElseThrow(() -> ProblemException.badParameter(
                            "metrics",
                            name,
                            "unknown metric; use incidents, killed, injured, casualties, killedCivilians,"
                                    + " killedSecurityForces, killedMilitants"));
            if (!metrics.contains(m)) {
                metrics.add(m);
            }
        }
        boolean perCapita = bool("perCapita", p.perCapita);
        Integer limit = null;
        if (p.limit != null && !p.limit.isBlank()) {
            try {
                limit = Integer.valueOf(p.limit.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.badParameter("limit", p.limit, "'limit' must be between 1 and " + MAX_LIMIT);
            }
        }
        IncidentFilter filter = service.withEffectiveRange(filters.resolve(f));
        List<String> sort = FilterResolver.split(p.sort);
        boolean unknowns = bool("unknowns", p.unknowns);
        AggregateQuery q = new AggregateQuery(groupBy, metrics, filter, perCapita, sort, limit, unknowns);
        List<String> columns = AggregateService.columns(q);
        for (String s : sort) {
            String column = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            if (!columns.contains(column)) {
                throw ProblemException.badParameter(
                        "sort", s, "can sort only by a column of the result: " + String.join(", ", columns));
            }
        }
        answerSize.check(q);
        return q;
    }
}
