package org.militrend.place;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.militrend.common.Csv;

/** A district as {@code GET /api/v1/districts} lists it. */
@Schema(name = "District")
record DistrictView(
        @Schema(example = "PK-KP-DERA-ISMAIL-KHAN") String code,
        @Schema(example = "Dera Ismail Khan") String name,
        @Schema(example = "Khyber Pakhtunkhwa") String province,
        @Schema(example = "PK-KP") String provinceCode,

        @Schema(description = "other names: spellings, pre-2018 agency and frontier-region names, towns")
        List<String> aliases,

        @Schema(description = "Census 2023; null where the census has none (AJK, GB)", example = "1829811")
        Long population2023,

        @Schema(description = "Census 2017, as reported with the 2023 census", example = "1693594")
        Long population2017,

        @Schema(example = "9334") Double areaSqKm,

        @Schema(description = "one of the tribal districts that were FATA agencies until 2018")
        boolean formerFata,

        @Schema(description = "the administrative division the district belongs to", example = "Dera Ismail Khan")
        String division,

        @Schema(example = "PK-KP-DIV-DERA-ISMAIL-KHAN") String divisionCode) {

    static final List<String> CSV_HEADER = List.of(
            "code",
            "name",
            "province",
            "provinceCode",
            "aliases",
            "population2023",
            "population2017",
            "areaSqKm",
            "formerFata",
            "division",
            "divisionCode");

    static DistrictView of(Gazetteer g, Gazetteer.DistrictInfo d) {
        DivisionRef division = g.divisionOfDistrict.get(d.ref().code());
        DistrictRef r = d.ref();
        return new DistrictView(
                r.code(),
                r.name(),
                r.provinceName(),
                r.provinceCode(),
                d.aliases(),
                r.population2023(),
                d.population2017(),
                d.areaSqKm(),
                r.formerFata(),
                division == null ? null : division.name(),
                division == null ? null : division.code());
    }

    List<Object> csvRow() {
        return List.of(
                code,
                name,
                province,
                provinceCode,
                String.join("|", aliases),
                Csv.cell(population2023),
                Csv.cell(population2017),
                Csv.cell(areaSqKm),
                formerFata,
                Csv.cell(division),
                Csv.cell(divisionCode));
    }
}
