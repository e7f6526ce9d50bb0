package org.militrend.incident;

import java.util.List;

/** One page of incidents: {@code { items, page, size, total }}. */
public record IncidentPage(List<IncidentView> items, int page, int size, long total) {

    public IncidentPage {
        items = List.copyOf(items);
    }
}
