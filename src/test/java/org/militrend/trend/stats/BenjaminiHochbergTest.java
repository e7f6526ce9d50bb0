package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * BH against values worked by hand from R's algorithm: {@code i <- m:1; o <- order(p, decreasing =
 * TRUE); ro <- order(o); pmin(1, cummin(m/i * p[o]))[ro]}.
 */
@Tag("no-db")
class BenjaminiHochbergTest {

    @Test
    void workedExample() {
        // p = (0.01, 0.04, 0.03, 0.20, 0.005), m = 5.
        // decreasing: 0.20 (rank 5), 0.04 (4), 0.03 (3), 0.01 (2), 0.005 (1)
        // m/rank * p: 0.20, 0.05, 0.05, 0.025, 0.025
        // cumulative min from the largest p: 0.20, 0.05, 0.05, 0.025, 0.025
        double[] p = {0.01, 0.04, 0.03, 0.20, 0.005};
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.20, 0.025}, BenjaminiHochberg.adjust(p), 1e-15);
    }

    @Test
    void cumulativeMinimumAndCapAtOne() {
        // p = (0.9, 0.5, 0.02, 0.8), m = 4. decreasing: 0.9 (rank 4) -> 0.9; 0.8 (3) -> 4/3*0.8 = 1.0667
        // -> cummin 0.9; 0.5 (2) -> 1.0 -> 0.9; 0.02 (1) -> 0.08.
        double[] p = {0.9, 0.5, 0.02, 0.8};
        assertArrayEquals(new double[] {0.9, 0.9, 0.08, 0.9}, BenjaminiHochberg.adjust(p), 1e-15);
        // a single p-value is unchanged; (1.0, 1.0) stays 1
        assertArrayEquals(new double[] {0.3}, BenjaminiHochberg.adjust(new double[] {0.3}), 0);
        assertArrayEquals(new double[] {1, 1}, BenjaminiHochberg.adjust(new double[] {1, 1}), 0);
    }

    @Test
    void tiesShareTheAdjustedValue() {
        // p = (0.02, 0.02, 0.04): decreasing 0.04 (rank 3) -> 0.04; 0.02 (2) -> 0.03; 0.02 (1) -> 0.06 -> cummin 0.03
        assertArrayEquals(
                new double[] {0.03, 0.03, 0.04}, BenjaminiHochberg.adjust(new double[] {0.02, 0.02, 0.04}), 1e-15);
        assertArrayEquals(new double[0], BenjaminiHochberg.adjust(new double[0]), 0);
    }

    @Test
    void rejectsInvalidPValues() {
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {1.5}));
        assertThrows(NullPointerException.class, () -> BenjaminiHochberg.adjust(null));
    }
}
