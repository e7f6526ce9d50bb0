package org.militrend.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.militrend.common.MilitrendConfig;

/**
 * Whether reads may use the rollups ({@code militrend.rollup.read}), and how many reads each
 * rollup answered since start: what shows that a query was in fact answered from a rollup.
 */
@ApplicationScoped
public class RollupReads {

    @Inject
    MilitrendConfig config;

    private volatile Boolean enabled;
    private final Map<RollupTable, AtomicLong> answered = new EnumMap<>(RollupTable.class);

    public RollupReads() {
        for (RollupTable t : RollupTable.values()) {
            answered.put(t, new AtomicLong());
        }
    }

    public boolean enabled() {
        Boolean e = enabled;
        return e != null ? e : config.rollup().read();
    }

    /**
     * Overrides the setting in this running service: a rollup found inconsistent can be left
     * unread until it is rebuilt, and the tests compare the answers of both sources.
     */
    public void setEnabled(boolean value) {
        enabled = value;
    }

    /** Counts one read answered from {@code table}. */
    public void answered(RollupTable table) {
        answered.get(table).incrementAndGet();
    }

    public long answeredFrom(RollupTable table) {
        return answered.get(table).get();
    }
}
