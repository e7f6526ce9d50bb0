package org.militrend.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One incident as stored. Imports write this table with JDBC batches (see ingest); the REST
 * edits and all reads go through Hibernate. Never serialized: {@link IncidentView} is the JSON.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String dataset;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "event_date")
    public LocalDate eventDate;

    @Column(name = "date_precision")
    public String datePrecision;

    @Column(name = "period_year")
    public int periodYear;

    @Column(name = "period_quarter")
    public String periodQuarter;

    @Column(name = "period_month")
    public String periodMonth;

    @Column(name = "period_week")
    public String periodWeek;

    public String country;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "district_code")
    public String districtCode;

    /**
     * The division the place resolved to: the district's, or the one a name spanning districts
     * ("Karachi") names while the district stays null. Derived from the place, so not hashed.
     */
    @Column(name = "division_code")
    public String divisionCode;

    public String location;

    @Column(name = "location_precision")
    public String locationPrecision;

    public Double latitude;
    public Double longitude;

    @Column(name = "event_type")
    public String eventType;

    public String actor;
    public String target;
    public Integer killed;

    @Column(name = "killed_min")
    public Integer killedMin;

    @Column(name = "killed_civilians")
    public Integer killedCivilians;

    @Column(name = "killed_security_forces")
    public Integer killedSecurityForces;

    @Column(name = "killed_militants")
    public Integer killedMilitants;

    public Integer injured;

    @Column(name = "injured_min")
    public Integer injuredMin;

    public String source;

    @Column(name = "source_url")
    public String sourceUrl;

    public String notes;

    public String category;

    @Column(name = "sub_event_type")
    public String subEventType;

    public String actor2;

    @Column(name = "killed_low")
    public Integer killedLow;

    @Column(name = "killed_high")
    public Integer killedHigh;

    @Column(name = "source_release")
    public String sourceRelease;

    @Column(name = "row_hash")
    public String rowHash;

    @Column(name = "import_id")
    public Long importId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    /** Sets the date and the period buckets derived from it, which must never disagree. */
    public void setEventDate(LocalDate date) {
        this.eventDate = date;
        this.periodYear = date.getYear();
        this.periodQuarter = Periods.quarter(date);
        this.periodMonth = Periods.month(date);
        this.periodWeek = Periods.week(date);
    }
}
