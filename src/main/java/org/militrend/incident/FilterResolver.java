package org.militrend.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.militrend.common.DateBounds;
import org.militrend.common.ProblemException;
import org.militrend.place.DistrictRef;
import org.militrend.place.DivisionRef;
import org.militrend.place.PlaceResolver;
import org.militrend.place.ProvinceRef;

/** Turns {@link FilterParams} into an {@link IncidentFilter}, or a 400 that names the parameter. */
@ApplicationScoped
public class FilterResolver {

    @Inject
    PlaceResolver places;

    public IncidentFilter resolve(FilterParams p) {
        LocalDate from = date("from", p.from);
        LocalDate to = date("to", p.to);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badParameter("from", p.from, "'from' (" + from + ") is after 'to' (" + to + ")");
        }
        List<String> provinces = new ArrayList<>();
        for (String name : split(p.province)) {
            ProvinceRef ref = places.province(name)
                    .orElseThrow(
                            () -> ProblemException.unknownPlace("province", name, places.suggestProvinces(name, 5)));
            provinces.add(ref.code());
        }
        List<String> districts = new ArrayList<>();
        List<String> divisions = new ArrayList<>();
        for (String name : split(p.district)) {
            Optional<DistrictRef> district = places.district(name);
            if (district.isPresent()) {
                districts.add(district.get().code());
                continue;
            }
            // A place that is no one district but a division ("Karachi"): the district box of the
            // dashboard offers it, and it selects what division=Karachi selects.
            DivisionRef division = places.division(name)
                    .orElseThrow(
                            () -> ProblemException.unknownPlace("district", name, places.suggestDistricts(name, 5)));
            divisions.add(division.code());
        }
        for (String name : split(p.division)) {
            DivisionRef ref = places.division(name)
                    .orElseThrow(
                            () -> ProblemException.unknownPlace("division", name, places.suggestDivisions(name, 5)));
            divisions.add(ref.code());
        }
        return new IncidentFilter(
                from,
                to,
                distinct(provinces),
                distinct(districts),
                split(p.eventType),
                split(p.actor),
                split(p.dataset),
                region(p.region),
                categories(p.category),
                distinct(divisions));
    }

    /** Splits repeated and comma-separated values; blanks are dropped. */
    public static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return distinct(values.stream()
                .filter(v -> v != null)
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList());
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(field, value, "'" + field + "' must be a date YYYY-MM-DD");
        }
        return DateBounds.check(field, value, date);
    }

    private static List<String> categories(List<String> values) {
        List<String> keys = new ArrayList<>();
        for (String v : split(values)) {
            keys.add(Category.parse(v)
                    .orElseThrow(() ->
                            ProblemException.badParameter("category", v, "unknown category; known: " + Category.keys()))
                    .key());
        }
        return distinct(keys);
    }

    private static Boolean region(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "former-fata", "fata", "tribal" -> Boolean.TRUE;
            case "non-fata", "mainland", "kp-mainland" -> Boolean.FALSE;
            default ->
                throw ProblemException.badParameter("region", value, "'region' must be 'former-fata' or 'non-fata'");
        };
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
