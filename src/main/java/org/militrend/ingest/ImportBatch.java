package org.militrend.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The stored report of one import. */
@Entity
@Table(name = "import_batch")
class ImportBatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String format;
    public String dataset;

    @Column(name = "file_name")
    public String fileName;

    public String charset;

    @Column(name = "dry_run")
    public boolean dryRun;

    @Column(name = "on_error")
    public String onError;

    public String status;

    @Column(name = "rows_read")
    public int rowsRead;

    public int inserted;
    public int updated;
    public int unchanged;
    public int rejected;

    @Column(name = "out_of_scope")
    public int outOfScope;

    @Column(name = "source_release")
    public String sourceRelease;

    @Column(name = "warning_count")
    public int warningCount;

    @Column(name = "error_count")
    public int errorCount;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
