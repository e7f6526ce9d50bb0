package org.militrend.incident;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The filters of the contract, resolved: places are codes, names are as given. Shared by
 * incidents, aggregates, trends, hotspots and reports, so that the same parameters select the
 * same rows everywhere.
 *
 * @param from inclusive first event date, or null for the data's first
 * @param to inclusive last event date, or null for the data's last
 * @param formerFata null for no region filter; true for the former FATA districts only, false for
 *     districts that are not former FATA (with KP, the KP mainland)
 */
public record IncidentFilter(
        LocalDate from,
        LocalDate to,
        List<String> provinceCodes,
        List<String> districtCodes,
        List<String> eventTypes,
        List<String> actors,
        List<String> datasets,
        Boolean formerFata,
        List<String> categories,
        List<String> divisionCodes) {

    public IncidentFilter {
        provinceCodes = List.copyOf(provinceCodes == null ? List.of() : provinceCodes);
        districtCodes = List.copyOf(districtCodes == null ? List.of() : districtCodes);
        eventTypes = lower(eventTypes);
        actors = lower(actors);
        datasets = List.copyOf(datasets == null ? List.of() : datasets);
        categories = List.copyOf(categories == null ? List.of() : categories);
        divisionCodes = List.copyOf(divisionCodes == null ? List.of() : divisionCodes);
    }

    public static IncidentFilter none() {
        return new IncidentFilter(null, null, null, null, null, null, null, null, null, null);
    }

    public IncidentFilter withRange(LocalDate newFrom, LocalDate newTo) {
        return new IncidentFilter(
                newFrom,
                newTo,
                provinceCodes,
                districtCodes,
                eventTypes,
                actors,
                datasets,
                formerFata,
                categories,
                divisionCodes);
    }

    /** The same filter restricted to one category (the event types then no longer narrow it). */
    public IncidentFilter onlyCategory(Category category) {
        return new IncidentFilter(
                from,
                to,
                provinceCodes,
                districtCodes,
                List.of(),
                actors,
                datasets,
                formerFata,
                List.of(category.key()),
                divisionCodes);
    }

    /**
     * The HQL condition over {@code Incident} alias {@code i}; binds its parameters into {@code
     * params}. Always a valid condition ({@code 1=1} with no filter).
     */
    public String hql(Map<String, Object> params) {
        StringJoiner where = new StringJoiner(" and ");
        where.add("1=1");
        if (from != null) {
            where.add("i.eventDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("i.eventDate <= :to");
            params.put("to", to);
        }
        if (!provinceCodes.isEmpty()) {
            where.add("i.provinceCode in :provinces");
            params.put("provinces", provinceCodes);
        }
        // Districts and divisions are places, and a list of places selects their union, as a list
        // of districts does. Every located incident stores its division: those in its districts
        // and those a source placed only at the division ("Karachi").
        if (!districtCodes.isEmpty() && !divisionCodes.isEmpty()) {
            where.add("(i.districtCode in :districts or i.divisionCode in :divisions)");
        } else if (!districtCodes.isEmpty()) {
            where.add("i.districtCode in :districts");
        } else if (!divisionCodes.isEmpty()) {
            where.add("i.divisionCode in :divisions");
        }
        if (!districtCodes.isEmpty()) {
            params.put("districts", districtCodes);
        }
        if (!divisionCodes.isEmpty()) {
            params.put("divisions", divisionCodes);
        }
        if (!eventTypes.isEmpty()) {
            where.add("lower(i.eventType) in :eventTypes");
            params.put("eventTypes", eventTypes);
        }
        if (!actors.isEmpty()) {
            where.add("lower(i.actor) in :actors");
            params.put("actors", actors);
        }
        if (!datasets.isEmpty()) {
            where.add("i.dataset in :datasets");
            params.put("datasets", datasets);
        }
        if (!categories.isEmpty()) {
            where.add("i.category in :categories");
            params.put("categories", categories);
        }
        if (formerFata != null) {
            where.add("i.districtCode in (select d.code from DistrictEntity d where d.formerFata = :fata)");
            params.put("fata", formerFata);
        }
        return where.toString();
    }

    /** The filters as they are echoed in a response's {@code query.filters}. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!provinceCodes.isEmpty()) out.put("province", provinceCodes);
        if (!districtCodes.isEmpty()) out.put("district", districtCodes);
        if (!divisionCodes.isEmpty()) out.put("division", divisionCodes);
        if (!eventTypes.isEmpty()) out.put("eventType", eventTypes);
        if (!actors.isEmpty()) out.put("actor", actors);
        if (!datasets.isEmpty()) out.put("dataset", datasets);
        if (!categories.isEmpty()) out.put("category", categories);
        if (formerFata != null) out.put("region", formerFata ? "former-fata" : "non-fata");
        return out;
    }

    private static List<String> lower(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
