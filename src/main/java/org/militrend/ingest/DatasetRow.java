package org.militrend.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A registered dataset and its citation. */
@Entity
@Table(name = "dataset")
class DatasetRow extends PanacheEntityBase {

    @Id
    public String name;

    public String format;
    public String citation;
    public String licence;
    public String url;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
