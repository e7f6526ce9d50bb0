package org.militrend.incident;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.militrend.common.Csv;

/** Writes incidents in the native CSV format, so that an export can be imported again. */
final class IncidentCsv {

    private IncidentCsv() {}

    static void write(CSVPrinter printer, IncidentView i) throws IOException {
        List<Object> row = new ArrayList<>(NativeColumns.ALL.size());
        row.add(i.externalId());
        row.add(i.date());
        row.add(i.datePrecision());
        row.add(i.province());
        row.add(i.district());
        row.add(i.location());
        row.add(i.locationPrecision());
        row.add(i.latitude());
        row.add(i.longitude());
        row.add(i.eventType());
        row.add(i.actor());
        row.add(i.target());
        row.add(i.killed());
        row.add(i.killedCivilians());
        row.add(i.killedSecurityForces());
        row.add(i.killedMilitants());
        row.add(i.injured());
        row.add(i.source());
        row.add(i.sourceUrl());
        row.add(i.notes());
        row.add(i.killedMin());
        row.add(i.injuredMin());
        row.add(i.country());
        row.add(i.dataset());
        row.add(i.id());
        row.add(i.category());
        row.add(i.subEventType());
        row.add(i.actor2());
        row.add(i.killedLow());
        row.add(i.killedHigh());
        row.add(i.sourceRelease());
        printer.printRecord(row.stream().map(Csv::cell).toList());
    }
}
