package org.militrend.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.IncidentFilter;

/** The database side of aggregates: one GROUP BY per request, plus the date range and datasets. */
@ApplicationScoped
class AggregateRepository {

    @Inject
    EntityManager em;

    /** The database kind (fixed at build time). */
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /**
     * Rows of {@code [values of groupedOn()..., metric values..., unknown counts per metric...,
     * coarseDated]}: grouping and summing happen in the database. {@code coarseDated} counts incidents dated less precisely than the
     * time dimension.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> groupBy(AggregateQuery q) {
        Map<String, Object> params = new HashMap<>();
        StringJoiner select = new StringJoiner(", ");
        StringJoiner group = new StringJoiner(", ");
        for (Dimension d : q.groupedOn()) {
            select.add(d.hql());
            group.add(d.hql());
        }
        for (Metric m : q.metrics()) {
            select.add(m.hql());
        }
        for (Metric m : q.metrics()) {
            select.add(m.unknownHql());
        }
        select.add(coarseDated(q.timeDimension(), params));
        boolean joinDistrict = q.groupBy().contains(Dimension.REGION);
        String hql = "select " + select + " from Incident i"
                + (joinDistrict ? " left join DistrictEntity d on d.code = i.districtCode" : "")
                + " where " + q.filter().hql(params)
                + (q.groupBy().isEmpty() ? "" : " group by " + group);
        if ("postgresql".equals(dbKind)) {
            // The driver prepares a repeated statement on the server, and after 5 executions
            // PostgreSQL may switch to a generic plan, costed without the parameters: for a range
            // over all 1M rows it guesses a few thousand and drops the parallel scan, running the
            // GROUP BY at half speed (650 instead of 320 ms, docs/benchmarks.md). Plan each
            // execution with its parameters, for the rest of this transaction only.
            em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
                    .getSingleResult();
        }
        Query query = em.createQuery(hql);
        params.forEach(query::setParameter);
        List<?> result = query.getResultList();
        if (result.isEmpty() || result.get(0) instanceof Object[]) {
            return (List<Object[]>) result;
        }
        return result.stream().map(o -> new Object[] {o}).toList();
    }

    /**
     * The number of distinct groups (values of the dimensions other than time) under the filter:
     * the rows of the answer per period, counted without grouping or filling anything.
     */
    long countGroups(AggregateQuery q) {
        Map<String, Object> params = new HashMap<>();
        StringJoiner select = new StringJoiner(", ");
        int n = 0;
        for (Dimension d : q.groupedOn()) {
            if (!d.isTime()) {
                select.add(d.hql() + " as g" + n++);
            }
        }
        if (n == 0) {
            return 1;
        }
        boolean joinDistrict = q.groupBy().contains(Dimension.REGION);
        String hql = "select count(*) from (select distinct " + select + " from Incident i"
                + (joinDistrict ? " left join DistrictEntity d on d.code = i.districtCode" : "")
                + " where " + q.filter().hql(params) + ") g";
        Query query = em.createQuery(hql);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** First and last event date under the filter (dates of the filter ignored); nulls with no data. */
    LocalDate[] dataRange(IncidentFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createQuery("select min(i.eventDate), max(i.eventDate) from Incident i where "
                + filter.withRange(null, null).hql(params));
        params.forEach(query::setParameter);
        Object[] row = (Object[]) query.getSingleResult();
        return new LocalDate[] {(LocalDate) row[0], (LocalDate) row[1]};
    }

    /**
     * The catalogued datasets (those with an attribution) behind the incidents the filter selects.
     * One EXISTS probe per catalogued dataset (index on dataset, event_date), not a DISTINCT over
     * every selected incident, which read all 1M rows (~220 ms) on every uncached aggregate.
     */
    List<String> datasets(IncidentFilter filter) {
        Map<String, Object> params = new HashMap<>();
        var query = em.createQuery(
                "select d.name from DatasetRow d where exists (select 1 from Incident i where i.dataset = d.name and "
                        + filter.hql(params) + ") order by d.name",
                String.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static String coarseDated(Dimension time, Map<String, Object> params) {
        if (time == null) {
            return "0";
        }
        DatePrecision bucket = switch (time.granularity()) {
            case WEEK -> DatePrecision.WEEK;
            case MONTH, QUARTER -> DatePrecision.MONTH;
            case YEAR -> DatePrecision.YEAR;
        };
        List<String> coarser = java.util.Arrays.stream(DatePrecision.values())
                .filter(p -> p.ordinal() > bucket.ordinal())
                .map(DatePrecision::key)
                .toList();
        if (coarser.isEmpty()) {
            return "0";
        }
        params.put("coarser", coarser);
        return "sum(case when i.datePrecision in :coarser then 1 else 0 end)";
    }
}
