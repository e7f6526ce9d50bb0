package org.militrend.place;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A district that a name may mean, with the similarity of the name to the district's names. */
@Schema(name = "DistrictCandidate")
record DistrictCandidate(
        String code,
        String name,
        String province,
        String provinceCode,
        List<String> aliases,
        Long population2023,
        Long population2017,
        Double areaSqKm,
        boolean formerFata,

        @Schema(
                description = "Jaro-Winkler similarity of the normalized names, 1 for an exact match",
                example = "0.9667")
        double score) {

    static DistrictCandidate of(DistrictView d, double score) {
        return new DistrictCandidate(
                d.code(),
                d.name(),
                d.province(),
                d.provinceCode(),
                d.aliases(),
                d.population2023(),
                d.population2017(),
                d.areaSqKm(),
                d.formerFata(),
                Math.round(score * 10_000d) / 10_000d);
    }
}
