package org.militrend.place;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.militrend.common.Csv;

/** A province or territory as {@code GET /api/v1/provinces} lists it. */
@Schema(name = "Province")
record ProvinceView(
        @Schema(example = "PK-KP") String code,
        @Schema(example = "Khyber Pakhtunkhwa") String name,
        List<String> aliases,

        @Schema(
                description = "sum of its districts in Census 2023; null where the census has none",
                example = "40856097")
        Long population2023,

        @Schema(example = "101741") Double areaSqKm,
        @Schema(example = "35") int districtCount) {

    static final List<String> CSV_HEADER =
            List.of("code", "name", "aliases", "population2023", "areaSqKm", "districtCount");

    List<Object> csvRow() {
        return List.of(
                code, name, String.join("|", aliases), Csv.cell(population2023), Csv.cell(areaSqKm), districtCount);
    }
}
