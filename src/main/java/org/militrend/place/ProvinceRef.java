package org.militrend.place;

/** A province or territory: its ISO 3166-2 code ({@code PK-KP}) and canonical name. */
public record ProvinceRef(String code, String name) {}
