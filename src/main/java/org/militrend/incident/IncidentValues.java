package org.militrend.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        EventDate when,
        ResolvedPlace place,
        EventSummary event,
        Casualties casualties,
        Provenance provenance,
        EventDetail detail) {

    public IncidentValues {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(when.date(), "date");
        Objects.requireNonNull(when.precision(), "datePrecision");
        Objects.requireNonNull(place.locationPrecision(), "locationPrecision");
    }

    /**
     * SHA-256 over every stored value in {@link IncidentColumn} order; nulls and empty strings
     * differ.
     */
    public String hash() {
        StringBuilder b = new StringBuilder(256);
        for (IncidentColumn c : IncidentColumn.STORED) {
            Object value = c.stored(this);
            switch (c.hash()) {
                case POSITIONAL ->
                    b.append(value == null ? "\u0000" : value.toString()).append('\u001f');
                case WHEN_SET -> tag(b, c.field(), value);
                case UNLESS_INFERRED -> {
                    if (!Category.infer(event.eventType()).key().equals(value)) {
                        tag(b, c.field(), value);
                    }
                }
                case NONE -> {}
            }
        }
        byte[] digest = SHA_256.get().digest(b.toString().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest);
    }

    /** One digest per thread, reset by each use: looking the algorithm up costs more than a row's hash. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private static final HexFormat HEX = HexFormat.of();

    private static void tag(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(name).append('=').append(value).append('\u001f');
        }
    }

    /** The same values under another key (rows without an id get one derived from their hash). */
    public IncidentValues withExternalId(String key) {
        return new IncidentValues(dataset, key, when, place, event, casualties, provenance, detail);
    }

    /** Copies the values (and their hash) onto an entity. */
    public void applyTo(Incident i) {
        for (IncidentColumn c : IncidentColumn.STORED) {
            c.store(i, c.stored(this));
        }
        i.rowHash = hash();
    }
}
