package org.militrend.ingest;

import static org.militrend.incident.IncidentColumn.ACTOR;
import static org.militrend.incident.IncidentColumn.ACTOR2;
import static org.militrend.incident.IncidentColumn.CATEGORY;
import static org.militrend.incident.IncidentColumn.COUNTRY;
import static org.militrend.incident.IncidentColumn.DATE;
import static org.militrend.incident.IncidentColumn.DATE_PRECISION;
import static org.militrend.incident.IncidentColumn.DISTRICT;
import static org.militrend.incident.IncidentColumn.EVENT_TYPE;
import static org.militrend.incident.IncidentColumn.EXTERNAL_ID;
import static org.militrend.incident.IncidentColumn.INJURED;
import static org.militrend.incident.IncidentColumn.KILLED;
import static org.militrend.incident.IncidentColumn.KILLED_CIVILIANS;
import static org.militrend.incident.IncidentColumn.KILLED_HIGH;
import static org.militrend.incident.IncidentColumn.KILLED_LOW;
import static org.militrend.incident.IncidentColumn.KILLED_MILITANTS;
import static org.militrend.incident.IncidentColumn.KILLED_SECURITY_FORCES;
import static org.militrend.incident.IncidentColumn.LATITUDE;
import static org.militrend.incident.IncidentColumn.LOCATION;
import static org.militrend.incident.IncidentColumn.LOCATION_PRECISION;
import static org.militrend.incident.IncidentColumn.LONGITUDE;
import static org.militrend.incident.IncidentColumn.NOTES;
import static org.militrend.incident.IncidentColumn.PROVINCE;
import static org.militrend.incident.IncidentColumn.SOURCE;
import static org.militrend.incident.IncidentColumn.SOURCE_RELEASE;
import static org.militrend.incident.IncidentColumn.SOURCE_URL;
import static org.militrend.incident.IncidentColumn.SUB_EVENT_TYPE;
import static org.militrend.incident.IncidentColumn.TARGET;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.militrend.incident.IncidentColumn;
import org.militrend.incident.IncidentValues;

/** A dry run's view of one row as it would be stored, keyed by the native CSV column names. */
final class PreviewRow {

    /** The columns a preview shows, in its order (the minimum bounds and the dataset are left out). */
    private static final List<IncidentColumn> SHOWN = List.of(
            EXTERNAL_ID,
            DATE,
            DATE_PRECISION,
            COUNTRY,
            PROVINCE,
            DISTRICT,
            LOCATION,
            LOCATION_PRECISION,
            LATITUDE,
            LONGITUDE,
            EVENT_TYPE,
            CATEGORY,
            SUB_EVENT_TYPE,
            ACTOR,
            ACTOR2,
            TARGET,
            KILLED,
            KILLED_LOW,
            KILLED_HIGH,
            KILLED_CIVILIANS,
            KILLED_SECURITY_FORCES,
            KILLED_MILITANTS,
            INJURED,
            SOURCE,
            SOURCE_URL,
            SOURCE_RELEASE,
            NOTES);

    private PreviewRow() {}

    static Map<String, Object> of(IncidentValues v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (IncidentColumn c : SHOWN) {
            Object value = c.stored(v);
            m.put(c.header(), value instanceof LocalDate date ? date.toString() : value);
        }
        return m;
    }
}
