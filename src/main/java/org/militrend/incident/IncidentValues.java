package org.militrend.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Everything an incident stores, resolved and validated: places are codes, precisions are keys.
 * Imports and the REST edits both produce this, so both write identical rows and identical
 * {@link #hash() hashes} (a re-import of an edited row is then seen as a change, and an
 * untouched one as unchanged).
 */
public record IncidentValues(
        String dataset,
        String externalId,
        LocalDate date,
        DatePrecision datePrecision,
        String country,
        String provinceCode,
        String districtCode,
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
        String notes) {

    public IncidentValues {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(datePrecision, "datePrecision");
        Objects.requireNonNull(locationPrecision, "locationPrecision");
    }

    /** SHA-256 over every stored value, in a fixed order; nulls and empty strings differ. */
    public String hash() {
        StringBuilder b = new StringBuilder(256);
        Object[] fields = {
            dataset,
            externalId,
            date,
            datePrecision.key(),
            country,
            provinceCode,
            districtCode,
            location,
            locationPrecision.key(),
            latitude,
            longitude,
            eventType,
            actor,
            target,
            killed,
            killedMin,
            killedCivilians,
            killedSecurityForces,
            killedMilitants,
            injured,
            injuredMin,
            source,
            sourceUrl,
            notes
        };
        for (Object f : fields) {
            b.append(f == null ? "\u0000" : f.toString()).append('\u001f');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Copies the values (and their hash) onto an entity. */
    public void applyTo(Incident i) {
        i.dataset = dataset;
        i.externalId = externalId;
        i.setEventDate(date);
        i.datePrecision = datePrecision.key();
        i.country = country;
        i.provinceCode = provinceCode;
        i.districtCode = districtCode;
        i.location = location;
        i.locationPrecision = locationPrecision.key();
        i.latitude = latitude;
        i.longitude = longitude;
        i.eventType = eventType;
        i.actor = actor;
        i.target = target;
        i.killed = killed;
        i.killedMin = killedMin;
        i.killedCivilians = killedCivilians;
        i.killedSecurityForces = killedSecurityForces;
        i.killedMilitants = killedMilitants;
        i.injured = injured;
        i.injuredMin = injuredMin;
        i.source = source;
        i.sourceUrl = sourceUrl;
        i.notes = notes;
        i.rowHash = hash();
    }
}
