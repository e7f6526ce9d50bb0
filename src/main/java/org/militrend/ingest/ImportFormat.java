package org.militrend.ingest;

import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One source format: its header rules and how a row becomes an {@link IncidentDraft}. Parsing
 * the CSV, resolving places, keys, the write and the report are shared by all formats, so a new
 * source (ACLED, UCDP GED, GTD) is one more implementation of this interface.
 */
interface ImportFormat {

    /** The value of {@code format=}. */
    String name();

    /** The dataset rows go to without {@code dataset=}, with its citation. */
    DatasetInfo defaultDataset();

    /**
     * File-level problems with the header (missing required or unknown columns), each with line
     * 1 and the column. Empty when rows can be read.
     */
    List<ImportMessage> checkHeader(Map<String, Integer> header, ImportOptions options);

    /** Reads one row; problems go to {@code row}. May return null when the row is rejected. */
    IncidentDraft read(CSVRecord record, RowContext row);
}
