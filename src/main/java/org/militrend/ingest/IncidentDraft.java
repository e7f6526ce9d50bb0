package org.militrend.ingest;

import java.time.LocalDate;
import java.util.List;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.EventDetail;
import org.militrend.incident.LocationPrecision;

/**
 * The common record every format's reader produces from one row: values parsed, places still
 * as the source wrote them. Validation of places, keys and the write are shared.
 *
 * @param externalId the source's id, or null to derive a stable key from the row
 * @param locationPrecision null to derive it from what the place resolves to
 * @param districtFallbacks other names the source gives for the place (towns, a coordinate's
 *     name), tried in order when {@code district} does not resolve to a district
 * @param provinceColumn the column the province came from (for the report)
 * @param districtColumn the column the district or town came from (for the report)
 */
record IncidentDraft(
        String externalId,
        LocalDate date,
        DatePrecision datePrecision,
        String country,
        String province,
        String district,
        String location,
        LocationPrecision locationPrecision,
        Double latitude,
        Double longitude,
        String eventType,
        String actor,
        String target,
        Integer killed,
        Integer killedMin,
        Integer killedCivilians,
        Integer killedSecurityForces,
        Integer killedMilitants,
        Integer injured,
        Integer injuredMin,
        String source,
        String sourceUrl,
        String notes,
        EventDetail detail,
        List<String> districtFallbacks,
        String provinceColumn,
        String districtColumn) {

    IncidentDraft {
        districtFallbacks = districtFallbacks == null
                ? List.of()
                : districtFallbacks.stream().filter(f -> f != null).toList();
    }
}
