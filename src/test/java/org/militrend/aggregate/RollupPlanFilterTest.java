package org.militrend.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.militrend.incident.IncidentFilter;
import org.militrend.rollup.RollupTable;

/**
 * The rollup path must know every filter: one it ignored would widen the answer to rows the
 * filter excludes. These tests read {@link IncidentFilter}'s components by reflection, so a
 * component added to the filter fails here until {@link RollupPlan#FILTER_COMPONENTS} says how a
 * rollup reads it.
 */
@Tag("no-db")
class RollupPlanFilterTest {

    private static final RecordComponent[] COMPONENTS = IncidentFilter.class.getRecordComponents();

    @Test
    void everyFilterComponentIsKnownToTheRollupPlan() {
        Set<String> known = RollupPlan.FILTER_COMPONENTS.stream()
                .map(RollupPlan.FilterComponent::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> components =
                Arrays.stream(COMPONENTS).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(components);
        unknown.removeAll(known);
        assertEquals(
                Set.of(),
                unknown,
                "IncidentFilter components RollupPlan.FILTER_COMPONENTS does not list (say how a rollup reads them,"
                        + " or that only the incidents can answer them)");
        Set<String> stale = new TreeSet<>(known);
        stale.removeAll(components);
        assertEquals(Set.of(), stale, "RollupPlan.FILTER_COMPONENTS lists components IncidentFilter no longer has");
        assertEquals(COMPONENTS.length, RollupPlan.FILTER_COMPONENTS.size(), "a component is listed twice");
    }

    /** Each entry reads its own component: set only that one, and only that entry sees it set. */
    @Test
    void eachEntryReadsTheComponentItNames() throws ReflectiveOperationException {
        for (RecordComponent only : COMPONENTS) {
            IncidentFilter filter = withOnly(only.getName());
            for (RollupPlan.FilterComponent c : RollupPlan.FILTER_COMPONENTS) {
                assertEquals(
                        c.name().equals(only.getName()),
                        c.setIn(filter),
                        "entry " + c.name() + " on a filter setting only " + only.getName());
            }
        }
        for (RollupPlan.FilterComponent c : RollupPlan.FILTER_COMPONENTS) {
            assertFalse(c.setIn(IncidentFilter.none()), c.name() + " on no filter");
        }
    }

    /** A filter on one column is answered only from a rollup that has that column. */
    @Test
    void aColumnFilterPicksARollupWithItsColumn() throws ReflectiveOperationException {
        for (RollupPlan.FilterComponent c : RollupPlan.FILTER_COMPONENTS) {
            Optional<RollupTable> table = RollupPlan.table(List.of(), withOnly(c.name()));
            switch (c.reading()) {
                case BY_MONTH -> assertTrue(table.isPresent(), c.name() + " is read by month from any rollup");
                case COLUMN ->
                    assertTrue(
                            table.isPresent() && table.get().hasAll(Set.of(c.column())),
                            c.name() + " needs a rollup with " + c.column() + ", got " + table);
                case INCIDENTS_ONLY -> assertEquals(Optional.empty(), table, c.name() + " forces the incidents");
            }
        }
    }

    /** The rollup's WHERE conditions on every component a rollup answers, on its column. */
    @Test
    void theWhereClauseConditionsOnEachComponent() throws ReflectiveOperationException {
        String none =
                RollupPlan.over(RollupTable.values()[0], IncidentFilter.none()).where(new HashMap<>());
        for (RollupPlan.FilterComponent c : RollupPlan.FILTER_COMPONENTS) {
            if (c.reading() == RollupPlan.Reading.INCIDENTS_ONLY) {
                continue; // never read from a rollup (the test above)
            }
            IncidentFilter filter = withOnly(c.name());
            RollupTable table = RollupPlan.table(List.of(), filter).orElseThrow();
            Map<String, Object> params = new HashMap<>();
            String where = RollupPlan.over(table, filter).where(params);
            String column = c.reading() == RollupPlan.Reading.BY_MONTH ? "period_month" : c.column();
            assertTrue(where.contains("r." + column), c.name() + " is not conditioned on " + column + ": " + where);
            assertFalse(params.isEmpty(), c.name() + " binds no parameter: " + where);
            assertFalse(where.equals(none), c.name() + " leaves the condition as with no filter");
        }
    }

    /** The filter with only {@code name} set (to a value of its type), the rest absent. */
    private static IncidentFilter withOnly(String name) throws ReflectiveOperationException {
        Class<?>[] types =
                Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            if (COMPONENTS[i].getName().equals(name)) {
                values[i] = sample(COMPONENTS[i]);
            }
        }
        Constructor<IncidentFilter> canonical = IncidentFilter.class.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    private static Object sample(RecordComponent c) {
        Class<?> type = c.getType();
        if (type == List.class) {
            return List.of("pk-kp");
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2020, 1, 1);
        }
        if (type == String.class) {
            return "x";
        }
        throw new AssertionError("no sample value for " + c.getName() + " of type " + type.getName());
    }
}
