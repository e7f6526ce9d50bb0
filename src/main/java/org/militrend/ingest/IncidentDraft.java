package org.militrend.ingest;

import java.time.LocalDate;
import java.util.List;
import org.militrend.incident.Casualties;
import org.militrend.incident.DatePrecision;
import org.militrend.incident.EventDate;
import org.militrend.incident.EventDetail;
import org.militrend.incident.EventSummary;
import org.militrend.incident.LocationPrecision;
import org.militrend.incident.Provenance;

/**
 * The common record every format's reader produces from one row: values parsed, places still
 * as the source wrote them. Validation of places, keys and the write are shared.
 *
 * @param externalId the source's id, or null to derive a stable key from the row
 */
record IncidentDraft(
        String externalId,
        EventDate when,
        PlaceAsWritten place,
        EventSummary event,
        Casualties casualties,
        Provenance provenance,
        EventDetail detail) {

    /**
     * A draft from its key and date; a format then sets only what it maps, the rest stays null.
     * The setters run in the order the format calls them, so the cells are checked (and their
     * messages reported) in that order.
     */
    static Builder of(String externalId, LocalDate date) {
        return new Builder(externalId, date);
    }

    /** The components of a draft as a format maps them; unset ones are null. */
    static final class Builder {
        private final String externalId;
        private final LocalDate date;
        private DatePrecision datePrecision;
        private String country;
        private String province;
        private String provinceColumn;
        private String district;
        private String districtColumn;
        private List<String> districtFallbacks = List.of();
        private String location;
        private LocationPrecision locationPrecision;
        private Double latitude;
        private Double longitude;
        private String eventType;
        private String actor;
        private String target;
        private Integer killed;
        private Integer killedMin;
        private Integer killedCivilians;
        private Integer killedSecurityForces;
        private Integer killedMilitants;
        private Integer injured;
        private Integer injuredMin;
        private String source;
        private String sourceUrl;
        private String notes;
        private EventDetail detail;

        private Builder(String externalId, LocalDate date) {
            this.externalId = externalId;
            this.date = date;
        }

        Builder datePrecision(DatePrecision value) {
            datePrecision = value;
            return this;
        }

        Builder country(String value) {
            country = value;
            return this;
        }

        /** The province as the source wrote it, and the column it came from (for the report). */
        Builder province(String column, String value) {
            provinceColumn = column;
            province = value;
            return this;
        }

        /** The district (or town) as the source wrote it, and the column it came from. */
        Builder district(String column, String value) {
            districtColumn = column;
            district = value;
            return this;
        }

        Builder districtFallbacks(List<String> value) {
            districtFallbacks = value;
            return this;
        }

        Builder location(String value) {
            location = value;
            return this;
        }

        Builder locationPrecision(LocationPrecision value) {
            locationPrecision = value;
            return this;
        }

        Builder latitude(Double value) {
            latitude = value;
            return this;
        }

        Builder longitude(Double value) {
            longitude = value;
            return this;
        }

        Builder eventType(String value) {
            eventType = value;
            return this;
        }

        Builder actor(String value) {
            actor = value;
            return this;
        }

        Builder target(String value) {
            target = value;
            return this;
        }

        Builder killed(Integer value) {
            killed = value;
            return this;
        }

        Builder killedMin(Integer value) {
            killedMin = value;
            return this;
        }

        Builder killedCivilians(Integer value) {
            killedCivilians = value;
            return this;
        }

        Builder killedSecurityForces(Integer value) {
            killedSecurityForces = value;
            return this;
        }

        Builder killedMilitants(Integer value) {
            killedMilitants = value;
            return this;
        }

        Builder injured(Integer value) {
            injured = value;
            return this;
        }

        Builder injuredMin(Integer value) {
            injuredMin = value;
            return this;
        }

        Builder source(String value) {
            source = value;
            return this;
        }

        Builder sourceUrl(String value) {
            sourceUrl = value;
            return this;
        }

        Builder notes(String value) {
            notes = value;
            return this;
        }

        Builder detail(EventDetail value) {
            detail = value;
            return this;
        }

        IncidentDraft build() {
            return new IncidentDraft(
                    externalId,
                    new EventDate(date, datePrecision),
                    new PlaceAsWritten(
                            country,
                            province,
                            district,
                            location,
                            locationPrecision,
                            latitude,
                            longitude,
                            districtFallbacks,
                            provinceColumn,
                            districtColumn),
                    new EventSummary(eventType, actor, target),
                    new Casualties(
                            killed,
                            killedMin,
                            killedCivilians,
                            killedSecurityForces,
                            killedMilitants,
                            injured,
                            injuredMin),
                    new Provenance(source, sourceUrl, notes),
                    detail);
        }
    }
}
