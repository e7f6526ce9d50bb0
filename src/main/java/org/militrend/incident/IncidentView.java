package org.militrend.incident;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An incident as the API shows it (contract section "Incidents"), with a few extensions; the
 * casualty figures are fields of the incident itself, as the contract has them.
 */
public record IncidentView(
        long id,
        LocalDate date,
        String datePrecision,
        String country,
        String province,
        String provinceCode,
        String district,
        String districtCode,
        String location,
        String locationPrecision,
        Double latitude,
        Double longitude,
        String eventType,
        String actor,
        String target,
        @JsonUnwrapped Casualties casualties,
        String source,
        String sourceUrl,
        String notes,
        String category,
        String subEventType,
        String actor2,
        Integer killedLow,
        Integer killedHigh,
        String sourceRelease,
        String externalId,
        String dataset,
        Long importId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {}
