package org.militrend.incident;

import java.io.IOException;
import org.apache.commons.csv.CSVPrinter;
import org.militrend.common.Csv;

/** Writes incidents in the native CSV format, so that an export can be imported again. */
final class IncidentCsv {

    private IncidentCsv() {}

    static void write(CSVPrinter printer, IncidentView i) throws IOException {
        printer.printRecord(
                IncidentColumn.CSV.stream().map(c -> Csv.cell(c.shown(i))).toList());
    }
}
