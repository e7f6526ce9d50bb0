package org.militrend.report;

import java.util.Map;

/**
 * The headline figures of a period. {@code killedUnattributed} is the part of {@code killed}
 * that sources do not split into civilians, security forces and militants.
 */
public record Figures(
        long incidents,
        long killed,
        long injured,
        long casualties,
        long killedCivilians,
        long killedSecurityForces,
        long killedMilitants,
        long killedUnattributed) {

    static Figures of(Map<String, Long> totals) {
        long killed = totals.getOrDefault("killed", 0L);
        long civ = totals.getOrDefault("killedCivilians", 0L);
        long sf = totals.getOrDefault("killedSecurityForces", 0L);
        long mil = totals.getOrDefault("killedMilitants", 0L);
        return new Figures(
                totals.getOrDefault("incidents", 0L),
                killed,
                totals.getOrDefault("injured", 0L),
                totals.getOrDefault("casualties", 0L),
                civ,
                sf,
                mil,
                Math.max(0, killed - civ - sf - mil));
    }
}
