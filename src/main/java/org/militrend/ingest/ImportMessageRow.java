package org.militrend.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored warning, error or unresolved place of an import. For an unresolved place, {@code
 * cellValue} is the name and {@code message} holds the lines and suggestions.
 */
@Entity
@Table(name = "import_message")
class ImportMessageRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "import_id")
    public long importId;

    public String kind;

    @Column(name = "line_number")
    public Long lineNumber;

    @Column(name = "column_name")
    public String columnName;

    @Column(name = "cell_value")
    public String cellValue;

    public String message;
}
