package org.militrend.rollup;

/**
 * The rollup compared with a GROUP BY over incidents.
 *
 * @param consistent whether both hold exactly the same rows
 */
public record Consistency(boolean consistent, Rows rows, Incidents incidents) {

    /**
     * @param rollup rows of the rollup
     * @param groups groups of the GROUP BY over incidents
     * @param onlyInRollup rollup rows the GROUP BY does not give
     * @param onlyInIncidents groups the rollup lacks or holds with other sums
     */
    public record Rows(long rollup, long groups, long onlyInRollup, long onlyInIncidents) {}

    /**
     * @param rollup the sum of the rollup's incident counts
     * @param stored the incidents stored
     */
    public record Incidents(long rollup, long stored) {}
}
