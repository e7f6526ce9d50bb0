package org.militrend.incident;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /incidents} and {@code PUT /incidents/{id}}. Places are names, aliases
 * or codes; {@code version} is required on PUT (optimistic locking).
 */
public record IncidentInput(
        @NotBlank String date,
        String datePrecision,
        @Size(max = 64) String country,
        String province,
        String district,
        @Size(max = 500) String location,
        String locationPrecision,
        @Min(-90) @Max(90) Double latitude,
        @Min(-180) @Max(180) Double longitude,
        @Size(max = 80) String eventType,
        @Size(max = 200) String actor,
        @Size(max = 200) String target,
        @PositiveOrZero Integer killed,
        @PositiveOrZero Integer killedMin,
        @PositiveOrZero Integer killedCivilians,
        @PositiveOrZero Integer killedSecurityForces,
        @PositiveOrZero Integer killedMilitants,
        @PositiveOrZero Integer injured,
        @PositiveOrZero Integer injuredMin,
        @Size(max = 500) String source,
        @Size(max = 2000) String sourceUrl,
        @Size(max = 4000) String notes,
        String category,
        @Size(max = 120) String subEventType,
        @Size(max = 200) String actor2,
        @PositiveOrZero Integer killedLow,
        @PositiveOrZero Integer killedHigh,
        @Size(max = 32) String sourceRelease,
        @Size(max = 128) String externalId,
        @Size(max = 64) String dataset,
        Integer version) {}
