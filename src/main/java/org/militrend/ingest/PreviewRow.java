package org.militrend.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.militrend.incident.IncidentValues;

/** A dry run's view of one row as it would be stored, keyed by the native CSV column names. */
final class PreviewRow {

    private PreviewRow() {}

    static Map<String, Object> of(IncidentValues v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("external_id", v.externalId());
        m.put("date", v.date().toString());
        m.put("date_precision", v.datePrecision().key());
        m.put("country", v.country());
        m.put("province", v.provinceCode());
        m.put("district", v.districtCode());
        m.put("location", v.location());
        m.put("location_precision", v.locationPrecision().key());
        m.put("latitude", v.latitude());
        m.put("longitude", v.longitude());
        m.put("event_type", v.eventType());
        m.put("category", v.detail().category().key());
        m.put("sub_event_type", v.detail().subEventType());
        m.put("actor", v.actor());
        m.put("actor2", v.detail().actor2());
        m.put("target", v.target());
        m.put("killed", v.killed());
        m.put("killed_low", v.detail().killedLow());
        m.put("killed_high", v.detail().killedHigh());
        m.put("killed_civilians", v.killedCivilians());
        m.put("killed_security_forces", v.killedSecurityForces());
        m.put("killed_militants", v.killedMilitants());
        m.put("injured", v.injured());
        m.put("source", v.source());
        m.put("source_url", v.sourceUrl());
        m.put("source_release", v.detail().sourceRelease());
        m.put("notes", v.notes());
        return m;
    }
}
