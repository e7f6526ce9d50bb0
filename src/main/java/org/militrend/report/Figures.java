package org.militrend.report;

import org.militrend.aggregate.AggregateResult;

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

    static Figures of(AggregateResult result) {
        long killed = result.total("killed");
        long civ = result.total("killedCivilians");
        long sf = result.total("killedSecurityForces");
        long mil = result.total("killedMilitants");
        return new Figures(
                result.total("incidents"),
                killed,
                result.total("injured"),
                result.total("casualties"),
                civ,
                sf,
                mil,
                Math.max(0, killed - civ - sf - mil));
    }
}
