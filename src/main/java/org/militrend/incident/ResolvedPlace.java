package org.militrend.incident;

/**
 * Where an incident happened, resolved against the gazetteer: the province and district as codes
 * (either may be null), the place as the source named it, and how precisely it is known.
 */
public record ResolvedPlace(
        String country,
        String provinceCode,
        String districtCode,
        String location,
        LocationPrecision locationPrecision,
        Double latitude,
        Double longitude) {}
