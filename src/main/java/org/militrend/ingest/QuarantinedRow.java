package org.militrend.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row that an onError=skip import rejected, kept with its raw cells and the reason. */
@Entity
@Table(name = "quarantined_row")
class QuarantinedRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "import_id")
    public long importId;

    @Column(name = "line_number")
    public long lineNumber;

    @Column(name = "raw_line")
    public String rawLine;

    public String reason;
}
