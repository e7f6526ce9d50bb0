package org.militrend.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A column mapping saved by name; the body is its JSON. */
@Entity
@Table(name = "column_mapping")
class ColumnMappingRow extends PanacheEntityBase {

    @Id
    public String name;

    public String body;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
