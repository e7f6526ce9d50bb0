package org.militrend.place;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.militrend.common.Csv;

/** A division as {@code GET /api/v1/divisions} lists it. */
@Schema(name = "Division")
record DivisionView(
        @Schema(example = "PK-SD-DIV-KARACHI") String code,
        @Schema(example = "Karachi") String name,
        @Schema(example = "Sindh") String province,
        @Schema(example = "PK-SD") String provinceCode,

        @Schema(description = "its districts' codes, by name")
        List<String> districtCodes,

        @Schema(description = "its districts' names") List<String> districts,

        @Schema(description = "sum of its districts' Census 2023 populations; null where one has none")
        Long population2023) {

    static final List<String> CSV_HEADER =
            List.of("code", "name", "province", "provinceCode", "districtCodes", "districts", "population2023");

    static DivisionView of(Gazetteer.DivisionInfo v) {
        DivisionRef r = v.ref();
        return new DivisionView(
                r.code(),
                r.name(),
                r.provinceName(),
                r.provinceCode(),
                v.districts().stream().map(DistrictRef::code).toList(),
                v.districts().stream().map(DistrictRef::name).toList(),
                v.population2023());
    }

    List<Object> csvRow() {
        return List.of(
                code,
                name,
                province,
                provinceCode,
                String.join("|", districtCodes),
                String.join("|", districts),
                Csv.cell(population2023));
    }
}
