package org.militrend.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The native CSV header is derived from the column table; exported files must keep it. */
@Tag("no-db")
class NativeColumnsTest {

    @Test
    void theExportHeaderIsTheContractsColumnsThenTheExtensionsInTheirPublishedOrder() {
        assertEquals(
                List.of(
                        "external_id",
                        "date",
                        "date_precision",
                        "province",
                        "district",
                        "location",
                        "location_precision",
                        "latitude",
                        "longitude",
                        "event_type",
                        "actor",
                        "target",
                        "killed",
                        "killed_civilians",
                        "killed_security_forces",
                        "killed_militants",
                        "injured",
                        "source",
                        "source_url",
                        "notes"),
                NativeColumns.CONTRACT);
        assertEquals(
                List.of(
                        "killed_min",
                        "injured_min",
                        "country",
                        "dataset",
                        "id",
                        "category",
                        "sub_event_type",
                        "actor2",
                        "killed_low",
                        "killed_high",
                        "source_release"),
                NativeColumns.EXTENSIONS);
        assertEquals(31, NativeColumns.ALL.size());
        assertEquals(NativeColumns.CONTRACT, NativeColumns.ALL.subList(0, 20));
    }

    @Test
    void everyStoredColumnHasTheWidthOfItsSqlColumn() {
        assertEquals(128, IncidentColumn.EXTERNAL_ID.width());
        assertEquals(4000, IncidentColumn.NOTES.width());
        assertEquals(120, IncidentColumn.SUB_EVENT_TYPE.width());
        assertEquals(0, IncidentColumn.KILLED.width());
        assertEquals(30, IncidentColumn.STORED.size());
        assertEquals("event_date", IncidentColumn.DATE.sql().column());
    }
}
