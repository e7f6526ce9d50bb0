package org.militrend.ingest;

import java.util.List;
import org.militrend.incident.LocationPrecision;

/**
 * Where a row's incident happened, as the source wrote it: names still to resolve, and the
 * columns they came from so the report can point at them.
 *
 * @param locationPrecision null to derive it from what the place resolves to
 * @param districtFallbacks other names the source gives for the place (towns, a coordinate's
 *     name), tried in order when {@code district} does not resolve to a district
 * @param provinceColumn the column the province came from (for the report)
 * @param districtColumn the column the district or town came from (for the report)
 */
record PlaceAsWritten(
        String country,
        String province,
        String district,
        String location,
        LocationPrecision locationPrecision,
        Double latitude,
        Double longitude,
        List<String> districtFallbacks,
        String provinceColumn,
        String districtColumn) {

    PlaceAsWritten {
        districtFallbacks = districtFallbacks == null
                ? List.of()
                : districtFallbacks.stream().filter(f -> f != null).toList();
    }
}
