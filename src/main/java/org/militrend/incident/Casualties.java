package org.militrend.incident;

/**
 * The casualty figures of one incident; any of them may be unknown (null).
 *
 * @param killed the best estimate of the killed
 * @param killedMin the lower bound of the killed, where the source gives one
 * @param killedCivilians the killed among civilians
 * @param killedSecurityForces the killed among the security forces
 * @param killedMilitants the killed among the militants
 * @param injured the best estimate of the injured
 * @param injuredMin the lower bound of the injured
 */
public record Casualties(
        Integer killed,
        Integer killedMin,
        Integer killedCivilians,
        Integer killedSecurityForces,
        Integer killedMilitants,
        Integer injured,
        Integer injuredMin) {}
