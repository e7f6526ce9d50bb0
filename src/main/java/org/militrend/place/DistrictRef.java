package org.militrend.place;

/**
 * A district as of the 2023 census (plus the districts of Azad Jammu and Kashmir and
 * Gilgit-Baltistan).
 *
 * @param code {@code PK-KP-DERA-ISMAIL-KHAN}: province code, '-', upper-case slug of the name
 * @param formerFata one of the tribal districts that were FATA agencies until the 2018 merger
 * @param population2023 census 2023 population; {@code null} where the census has none (AJK, GB)
 */
public record DistrictRef(
        String code, String name, String provinceCode, String provinceName, boolean formerFata, Long population2023) {}
