package org.militrend.place;

/**
 * An administrative division: the tier between province and district (Karachi, Peshawar, ...).
 *
 * @param code {@code PK-SD-DIV-KARACHI}: province code, {@code -DIV-}, upper-case slug of the name
 */
public record DivisionRef(String code, String name, String provinceCode, String provinceName) {}
