package org.militrend.rollup;

/**
 * The rollups compared with a GROUP BY over incidents.
 *
 * @param consistent whether every rollup holds exactly the rows of its GROUP BY
 * @param rows the rows of the full rollup ({@code incident_month_rollup})
 * @param incidents the incidents of the full rollup
 * @param places the same for the places-and-months rollup ({@code incident_place_month_rollup})
 */
public record Consistency(boolean consistent, Rows rows, Incidents incidents, Table places) {

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

    /** One rollup table compared with the GROUP BY on its key. */
    public record Table(boolean consistent, Rows rows, Incidents incidents) {}
}
