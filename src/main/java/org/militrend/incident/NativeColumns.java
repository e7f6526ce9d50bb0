package org.militrend.incident;

import java.util.List;

/** The headers of the native CSV format, which the native import reads and the export writes. */
public final class NativeColumns {

    private NativeColumns() {}

    /** The columns the contract names, in its order. */
    public static final List<String> CONTRACT = IncidentColumn.CSV.stream()
            .filter(IncidentColumn::contract)
            .map(IncidentColumn::header)
            .toList();

    /** Extensions: read on import; {@code id} and {@code dataset} are informational there. */
    public static final List<String> EXTENSIONS = IncidentColumn.CSV.stream()
            .filter(c -> !c.contract())
            .map(IncidentColumn::header)
            .toList();

    /** Everything the export writes, contract columns first. */
    public static final List<String> ALL =
            IncidentColumn.CSV.stream().map(IncidentColumn::header).toList();
}
