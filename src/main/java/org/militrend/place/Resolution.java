package org.militrend.place;

import java.util.List;

/**
 * What {@link PlaceResolver#resolve(String, String)} made of a (province, district) pair.
 *
 * <ul>
 *   <li>{@code district} set: the place is known to district level, and {@code province} is the
 *       district's province (the district wins over a conflicting province, with a {@code warning}).
 *   <li>{@code district} null, {@code province} set: known to province level only (no district
 *       given, an unknown one, or a value such as "Karachi" or "FATA" that spans several
 *       districts).
 *   <li>{@code division}: the division of the district, or, with {@code district} null, the
 *       division a name such as "Karachi" (a city of seven districts) names; null when neither is
 *       known.
 *   <li>{@code provinceUnknown}/{@code districtUnknown}: a non-blank value that matched nothing;
 *       {@code suggestions} then holds the closest canonical names for the unknown part (the
 *       district's when both are unknown). A province value nobody knows is not reported unknown
 *       when the district resolved: the district's province is used and {@code warning} says so.
 * </ul>
 */
public record Resolution(
        ProvinceRef province,
        DistrictRef district,
        boolean provinceUnknown,
        boolean districtUnknown,
        List<String> suggestions,
        String warning,
        DivisionRef division) {

    public Resolution {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** {@code district}, {@code province} or {@code country}: how precisely the place is known. */
    public String precision() {
        return district != null ? "district" : province != null ? "province" : "country";
    }
}
