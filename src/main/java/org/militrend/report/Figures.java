package org.militrend.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.militrend.aggregate.AggregateResult;

/**
 * The headline figures of a period. A figure is null when every incident behind it lacks it
 * ({@code unknown} says how many incidents lack each), and every figure is null for a period that
 * no selected complete dataset covers and no incomplete one has events in ({@code covered}
 * false): nothing is known there, least of all a zero. {@code killedUnattributed} is the part of
 * {@code killed} that sources do not split into civilians, security forces and militants.
 */
public record Figures(
        Long incidents,
        Long killed,
        Long injured,
        Long casualties,
        Long killedCivilians,
        Long killedSecurityForces,
        Long killedMilitants,
        Long killedUnattributed,
        Map<String, Long> unknown,
        boolean covered) {

    static Figures of(AggregateResult result, boolean covered) {
        long incidents = result.total("incidents");
        if (!covered && incidents == 0) {
            return new Figures(null, null, null, null, null, null, null, null, Map.of(), false);
        }
        Long killed = value(result, "killed");
        Long civ = value(result, "killedCivilians");
        Long sf = value(result, "killedSecurityForces");
        Long mil = value(result, "killedMilitants");
        Long unattributed = killed == null ? null : Math.max(0, killed - zero(civ) - zero(sf) - zero(mil));
        Map<String, Long> unknown = new LinkedHashMap<>();
        if (result.totals().get("unknown") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknown.put((String) k, ((Number) v).longValue()));
        }
        return new Figures(
                incidents,
                killed,
                value(result, "injured"),
                value(result, "casualties"),
                civ,
                sf,
                mil,
                unattributed,
                unknown,
                covered);
    }

    /** A figure by its metric name (the keys of {@code unknown}), null when unknown. */
    public Long get(String metric) {
        return switch (metric) {
            case "incidents" -> incidents;
            case "killed" -> killed;
            case "injured" -> injured;
            case "casualties" -> casualties;
            case "killedCivilians" -> killedCivilians;
            case "killedSecurityForces" -> killedSecurityForces;
            case "killedMilitants" -> killedMilitants;
            case "killedUnattributed" -> killedUnattributed;
            default -> throw new IllegalArgumentException("no figure " + metric);
        };
    }

    /** How many incidents lack a figure (0 for the incident count and the derived figures). */
    public long unknownOf(String metric) {
        return unknown.getOrDefault(metric, 0L);
    }

    private static Long value(AggregateResult result, String metric) {
        return result.totals().get(metric) instanceof Number n ? n.longValue() : null;
    }

    private static long zero(Long v) {
        return v == null ? 0 : v;
    }
}
