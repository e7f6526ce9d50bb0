package org.militrend.ingest;

import java.util.List;

/**
 * A place name no gazetteer entry matches, with the lines that used it (the first 50) and the
 * closest known names, best first.
 */
public record UnresolvedPlace(String value, String column, List<Long> lines, List<String> suggestions) {

    public UnresolvedPlace {
        lines = List.copyOf(lines);
        suggestions = List.copyOf(suggestions);
    }
}
