package org.militrend.incident;

import java.util.ArrayList;
import java.util.List;

/** The columns of the native CSV format, which the native import reads and the export writes. */
public final class NativeColumns {

    private NativeColumns() {}

    /** The columns the contract names, in its order. */
    public static final List<String> CONTRACT = List.of(
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
            "notes");

    /** Extensions: read on import; {@code id} and {@code dataset} are informational there. */
    public static final List<String> EXTENSIONS = List.of(
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
            "source_release");

    /** Everything the export writes, contract columns first. */
    public static final List<String> ALL = concat();

    private static List<String> concat() {
        var all = new ArrayList<>(CONTRACT);
        all.addAll(EXTENSIONS);
        return List.copyOf(all);
    }
}
