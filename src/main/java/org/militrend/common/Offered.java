package org.militrend.common;

import java.util.List;
import java.util.Set;

/**
 * The media types each path answers, for the 406 that names them. Kept next to the resources'
 * {@code @Produces}: the lists and tables answer JSON and CSV, report pages HTML, the rest JSON
 * (ContentNegotiationTest asks every kind).
 */
final class Offered {

    static final String JSON = "application/json";
    static final String CSV = Csv.MEDIA_TYPE;
    static final String HTML = "text/html";

    /** Paths whose GET answers JSON and CSV. */
    private static final Set<String> TABLES = Set.of(
            "/api/v1/aggregates",
            "/api/v1/incidents",
            "/api/v1/districts",
            "/api/v1/divisions",
            "/api/v1/provinces",
            "/api/v1/trends",
            "/api/v1/hotspots",
            "/api/v1/reports/monthly");

    private Offered() {}

    static List<String> at(String path) {
        String p = path == null
                ? ""
                : path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (TABLES.contains(p)) {
            return List.of(JSON, CSV);
        }
        if (p.startsWith("/api/v1/reports/monthly/") || p.startsWith("/reports/")) {
            return List.of(HTML);
        }
        return List.of(JSON);
    }
}
