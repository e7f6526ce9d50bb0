package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/** Walks records, lists and maps and fails on any NaN or infinite double/float. */
final class FiniteScan {
    private FiniteScan() {}

    static void assertAllFinite(Object o) {
        scan(o, "result");
    }

    private static void scan(Object o, String path) {
        if (o == null
                || o instanceof String
                || o instanceof Boolean
                || o instanceof Integer
                || o instanceof Long
                || o instanceof Enum<?>) {
            return;
        }
        if (o instanceof Double d) {
            if (!Double.isFinite(d)) {
                fail(path + " is " + d);
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                scan(e, path + "[" + i++ + "]");
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> scan(v, path + "." + k));
            return;
        }
        if (o instanceof double[] a) {
            for (int i = 0; i < a.length; i++) {
                scan(a[i], path + "[" + i + "]");
            }
            return;
        }
        if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    scan(rc.getAccessor().invoke(o), path + "." + rc.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return;
        }
        fail(path + ": unexpected type " + o.getClass());
    }
}
