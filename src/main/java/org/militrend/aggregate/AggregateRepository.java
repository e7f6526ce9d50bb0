package org.militrend.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.IncidentFilter;
import org.militrend.rollup.RollupReads;
import org.militrend.rollup.RollupTable;

/**
 * The database side of aggregates: one GROUP BY per request, plus the date range and datasets.
 * Each reads the smallest rollup that can answer it ({@link RollupPlan}) unless the rollup
 * reads are switched off, and the incidents otherwise; both give the same rows, in the same
 * order (ORDER BY the groups, so that rows the answer's sort leaves tied come out alike).
 */
@ApplicationScoped
class AggregateRepository {

    @Inject
    EntityManager em;

    @Inject
    RollupReads reads;

    /** The database kind (fixed at build time). */
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** The rows of the query's GROUP BY: grouping and summing happen in the database. */
    List<GroupedRow> groupBy(AggregateQuery q) {
        Optional<RollupPlan> plan = plan(q.groupedOn(), q.filter());
        if (plan.isPresent()) {
            return groupBy(q, plan.get());
        }
        Map<String, Object> params = new HashMap<>();
        String group = columns(q.groupedOn(), Dimension::hql);
        String select = select(q, group, Metric::hql, Metric::unknownHql);
        List<String> coarser = coarser(q.timeDimension());
        if (coarser.isEmpty()) {
            select += ", 0";
        } else {
            select += ", sum(case when i.datePrecision in :coarser then 1 else 0 end)";
            params.put("coarser", coarser);
        }
        boolean joinDistrict = q.groupBy().contains(Dimension.REGION);
        String hql = "select " + select + " from Incident i"
                + (joinDistrict ? " left join DistrictEntity d on d.code = i.districtCode" : "")
                + " where " + q.filter().hql(params)
                + (q.groupBy().isEmpty() ? "" : " group by " + group + " order by " + group);
        customPlans();
        Query query = em.createQuery(hql);
        params.forEach(query::setParameter);
        int keys = q.groupedOn().size();
        int metrics = q.metrics().size();
        return rows(query.getResultList()).stream()
                .map(r -> GroupedRow.of(r, keys, metrics))
                .toList();
    }

    /** {@link #groupBy(AggregateQuery)} from a rollup. */
    private List<GroupedRow> groupBy(AggregateQuery q, RollupPlan plan) {
        Map<String, Object> params = new HashMap<>();
        String group = columns(q.groupedOn(), Dimension::rollupSql);
        String select = select(q, group, Metric::rollupSql, Metric::unknownRollupSql) + ", "
                + plan.coarseDated(coarser(q.timeDimension()), params);
        String sql = "SELECT " + select + plan.from(q.groupedOn())
                + " WHERE " + plan.where(params)
                + (q.groupBy().isEmpty() ? "" : " GROUP BY " + group + " ORDER BY " + group);
        customPlans();
        int keys = q.groupedOn().size();
        int metrics = q.metrics().size();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            String previous = "postgresql".equals(dbKind)
                    ? setLocal(connection, "random_page_cost", ROLLUP_RANDOM_PAGE_COST)
                    : null;
            List<GroupedRow> rows = read(connection, sql, params, keys, metrics);
            if (previous != null) {
                setLocal(connection, "random_page_cost", previous);
            }
            return rows;
        });
    }

    /**
     * PostgreSQL's cost of a random page read while a rollup is read: the rollups are small and
     * stay in memory, but the default (4, a disk seek) made the planner sort a freshly imported
     * places rollup, whose rows lie in the order the import's sums came, rather than read
     * ix_place_rollup_district_month in the district-by-month order (69 against 40 ms at 200,000
     * incidents, docs/benchmarks.md). Only for that statement: the scans of the incidents keep
     * their plans.
     */
    private static final String ROLLUP_RANDOM_PAGE_COST = "1.1";

    /** Sets a PostgreSQL setting for the rest of the transaction; returns the value it had. */
    private static String setLocal(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT current_setting(?), set_config(?, ?, true)")) {
            s.setString(1, name);
            s.setString(2, name);
            s.setString(3, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * The rows of a rollup's GROUP BY read with plain JDBC on the transaction's connection, as
     * {@code keys} strings and {@code metrics} pairs of longs (sum, unknowns) and the coarse-dated
     * count, straight into the arrays the answer's rows keep. Through Hibernate every sum came back
     * as a {@code BigDecimal} (a SUM of BIGINT is NUMERIC) in rows built by its result machinery,
     * and boxed again as a {@code Long}: a large part of an uncached 38,400-row answer's cost
     * (docs/benchmarks.md, "The answer's own cost").
     */
    private static List<GroupedRow> read(
            Connection connection, String sql, Map<String, Object> params, int keys, int metrics) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(positional(sql, params, values))) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<GroupedRow> rows = new ArrayList<>();
                while (rs.next()) {
                    String[] text = new String[keys];
                    for (int c = 0; c < keys; c++) {
                        text[c] = rs.getString(c + 1);
                    }
                    long[] figures = new long[2 * metrics];
                    int nullSums = 0;
                    for (int j = 0; j < metrics; j++) {
                        figures[j] = rs.getLong(keys + j + 1);
                        if (rs.wasNull()) {
                            nullSums |= 1 << j;
                        }
                        figures[metrics + j] = rs.getLong(keys + metrics + j + 1); // 0 for NULL
                    }
                    rows.add(new GroupedRow(text, figures, nullSums, rs.getLong(keys + 2 * metrics + 1)));
                }
                return rows;
            }
        }
    }

    /** A named parameter {@code :name} of the SQL (not the second colon of a cast {@code ::type}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    /**
     * {@code sql} with its named parameters as JDBC's question marks (one per element of a
     * collection), their values appended to {@code values} in order.
     */
    static String positional(String sql, Map<String, Object> params, List<Object> values) {
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for parameter :" + name);
            }
            Object value = params.get(name);
            String marks;
            if (value instanceof Collection<?> many) {
                marks = String.join(", ", Collections.nCopies(many.size(), "?"));
                values.addAll(many);
            } else {
                marks = "?";
                values.add(value);
            }
            m.appendReplacement(out, marks);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The grouped expressions, then the metrics' sums, then their unknown counts. */
    private static String select(
            AggregateQuery q, String group, Function<Metric, String> sum, Function<Metric, String> unknown) {
        StringJoiner select = new StringJoiner(", ");
        if (!group.isEmpty()) {
            select.add(group);
        }
        q.metrics().forEach(m -> select.add(sum.apply(m)));
        q.metrics().forEach(m -> select.add(unknown.apply(m)));
        return select.toString();
    }

    private static String columns(List<Dimension> dimensions, Function<Dimension, String> expression) {
        return dimensions.stream().map(expression).collect(Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        if (result.isEmpty() || result.get(0) instanceof Object[]) {
            return (List<Object[]>) result;
        }
        return result.stream().map(o -> new Object[] {o}).toList();
    }

    /**
     * The rollup plan of a query grouping on {@code dimensions} under {@code filter}, counted as
     * a read of its rollup; empty when the rollups are not read or cannot answer. A range that
     * cuts a month is widened to whole months only when the days it adds hold no incident of the
     * filter (as with the data's own first and last event), which two index probes tell.
     */
    private Optional<RollupPlan> plan(Collection<Dimension> dimensions, IncidentFilter filter) {
        if (!reads.enabled()) {
            return Optional.empty();
        }
        Optional<RollupTable> table = RollupPlan.table(dimensions, filter);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        if (!RollupPlan.startsMonth(from) && holdsAny(filter, from.withDayOfMonth(1), from.minusDays(1))) {
            return Optional.empty();
        }
        if (!RollupPlan.endsMonth(to)
                && holdsAny(filter, to.plusDays(1), YearMonth.from(to).atEndOfMonth())) {
            return Optional.empty();
        }
        reads.answered(table.get());
        return Optional.of(RollupPlan.over(table.get(), filter));
    }

    /** Whether any incident of the filter's other conditions lies in [from, to]. */
    private boolean holdsAny(IncidentFilter filter, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createQuery("select i.id from Incident i where "
                + filter.withRange(from, to).hql(params));
        params.forEach(query::setParameter);
        return !query.setMaxResults(1).getResultList().isEmpty();
    }

    private void customPlans() {
        if ("postgresql".equals(dbKind)) {
            // The driver prepares a repeated statement on the server, and after 5 executions
            // PostgreSQL may switch to a generic plan, costed without the parameters: for a range
            // over all 1M rows it guesses a few thousand and drops the parallel scan, running the
            // GROUP BY at half speed (650 instead of 320 ms, docs/benchmarks.md). Plan each
            // execution with its parameters, for the rest of this transaction only.
            // And give it the memory of a 20-year district-by-month table: its 38,400 groups of
            // NUMERIC sums took ~28 MB of hash table, so under the default 4 MB work_mem the
            // aggregate spilled in 5 batches and the sort went to disk, ~25 % of the query's time
            // (EXPLAIN ANALYZE, docs/benchmarks.md). A hash may use twice work_mem (PostgreSQL's
            // hash_mem_multiplier), so 16 MB holds it; the answer's bound (100,000 rows) bounds it.
            em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
                            + " set_config('work_mem', '16MB', true)")
                    .getSingleResult();
        }
    }

    /**
     * The number of distinct groups (values of the dimensions other than time) under the filter:
     * the rows of the answer per period, counted without grouping or filling anything.
     */
    long countGroups(AggregateQuery q) {
        List<Dimension> groups = q.groupedOn().stream().filter(d -> !d.isTime()).toList();
        if (groups.isEmpty()) {
            return 1;
        }
        Map<String, Object> params = new HashMap<>();
        StringJoiner select = new StringJoiner(", ");
        Optional<RollupPlan> plan = plan(groups, q.filter());
        Query query;
        if (plan.isPresent()) {
            for (int n = 0; n < groups.size(); n++) {
                select.add(groups.get(n).rollupSql() + " AS g" + n);
            }
            query = em.createNativeQuery("SELECT COUNT(*) FROM (SELECT DISTINCT " + select
                    + plan.get().from(groups) + " WHERE " + plan.get().where(params) + ") g");
        } else {
            for (int n = 0; n < groups.size(); n++) {
                select.add(groups.get(n).hql() + " as g" + n);
            }
            boolean joinDistrict = q.groupBy().contains(Dimension.REGION);
            query = em.createQuery("select count(*) from (select distinct " + select + " from Incident i"
                    + (joinDistrict ? " left join DistrictEntity d on d.code = i.districtCode" : "")
                    + " where " + q.filter().hql(params) + ") g");
        }
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
        Optional<RollupPlan> plan = plan(List.of(), filter);
        if (plan.isPresent()) {
            Query query = em.createNativeQuery("SELECT d.name FROM dataset d WHERE EXISTS (SELECT 1"
                    + plan.get().from(List.of()) + " WHERE r.dataset = d.name AND "
                    + plan.get().where(params)
                    + ") ORDER BY d.name");
            params.forEach(query::setParameter);
            return query.getResultList().stream().map(Object::toString).toList();
        }
        var query = em.createQuery(
                "select d.name from DatasetRow d where exists (select 1 from Incident i where i.dataset = d.name and "
                        + filter.hql(params) + ") order by d.name",
                String.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The date precisions coarser than the bucket of the time dimension (none without one). */
    private static List<String> coarser(Dimension time) {
        if (time == null) {
            return List.of();
        }
        DatePrecision bucket = switch (time.granularity()) {
            case WEEK -> DatePrecision.WEEK;
            case MONTH, QUARTER -> DatePrecision.MONTH;
            case YEAR -> DatePrecision.YEAR;
        };
        return Arrays.stream(DatePrecision.values())
                .filter(p -> p.ordinal() > bucket.ordinal())
                .map(DatePrecision::key)
                .toList();
    }
}
