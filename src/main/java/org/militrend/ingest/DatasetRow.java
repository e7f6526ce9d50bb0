package org.militrend.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A registered dataset, its citation and what it claims to record. */
@Entity
@Table(name = "dataset")
class DatasetRow extends PanacheEntityBase {

    @Id
    public String name;

    public String format;
    public String citation;
    public String licence;
    public String url;
    public String title;
    public String scope;

    @Column(name = "coverage_from")
    public LocalDate coverageFrom;

    @Column(name = "coverage_to")
    public LocalDate coverageTo;

    public Boolean complete;

    @Column(name = "raw_access")
    public String rawAccess;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
