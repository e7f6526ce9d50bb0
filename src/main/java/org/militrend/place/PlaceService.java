package org.militrend.place;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.militrend.common.ProblemException;

/** What the place endpoints return, built from the resolver's in-memory gazetteer. */
@ApplicationScoped
class PlaceService {

    static final int MAX_CANDIDATES = 50;

    /** The source of the gazetteer's populations and areas, credited on its CSV forms. */
    static final String CENSUS_CREDIT = "Pakistan Bureau of Statistics, 7th Population and Housing Census 2023,"
            + " district tables (CSV by fahad-mirza/pakistan_census_2023_tables, MIT); divisions per NOTICE.md";

    @Inject
    PlaceResolver resolver;

    /**
     * Every district, or those of the given provinces (names, aliases or codes; repeatable values
     * may also be comma-separated). An unknown province is a 400 with suggestions.
     */
    List<DistrictView> districts(List<String> provinceFilters) {
        Gazetteer g = resolver.gazetteer();
        Set<String> codes = provinceCodes(provinceFilters);
        return g.districts.stream()
                .filter(d -> codes.isEmpty() || codes.contains(d.ref().provinceCode()))
                .map(d -> DistrictView.of(g, d))
                .toList();
    }

    DistrictView district(String code) {
        Gazetteer g = resolver.gazetteer();
        Gazetteer.DistrictInfo info = g.district(code);
        if (info == null) {
            throw ProblemException.notFound("district " + code);
        }
        return DistrictView.of(g, info);
    }

    DistrictResolveView resolve(String name, String province, int limit) {
        if (name == null || PlaceNames.normalize(name).isEmpty()) {
            throw ProblemException.badParameter("name", name, "name is required: a district name, alias or code");
        }
        if (limit < 1 || limit > MAX_CANDIDATES) {
            throw ProblemException.badParameter(
                    "limit", String.valueOf(limit), "limit must be between 1 and " + MAX_CANDIDATES);
        }
        if (province != null
                && !province.isBlank()
                && resolver.province(province).isEmpty()) {
            throw ProblemException.unknownPlace("province", province, resolver.suggestProvinces(province, 5));
        }
        Gazetteer g = resolver.gazetteer();
        Resolution r = resolver.resolve(province, name);
        List<String> warnings = r.warning() == null ? List.of() : List.of(r.warning());
        DistrictView match = r.district() == null
                ? null
                : DistrictView.of(g, g.district(r.district().code()));
        List<DistrictCandidate> candidates = new ArrayList<>();
        if (match != null) {
            candidates.add(DistrictCandidate.of(match, 1.0));
        }
        for (PlaceResolver.Scored<DistrictRef> s : resolver.rankDistricts(name, limit + 1)) {
            if (candidates.size() >= limit) {
                break;
            }
            if (match == null || !match.code().equals(s.place().code())) {
                candidates.add(DistrictCandidate.of(
                        DistrictView.of(g, g.district(s.place().code())), s.score()));
            }
        }
        return new DistrictResolveView(match, candidates, warnings, r.division());
    }

    /** Every division, or those of the given provinces, with its districts. */
    List<DivisionView> divisions(List<String> provinceFilters) {
        Gazetteer g = resolver.gazetteer();
        Set<String> codes = provinceCodes(provinceFilters);
        return g.divisions.stream()
                .filter(v -> codes.isEmpty() || codes.contains(v.ref().provinceCode()))
                .map(DivisionView::of)
                .toList();
    }

    List<ProvinceView> provinces() {
        Gazetteer g = resolver.gazetteer();
        return g.provinces.stream()
                .map(p -> new ProvinceView(
                        p.ref().code(), p.ref().name(), p.aliases(), p.population2023(), p.areaSqKm(), (int)
                                g.districts.stream()
                                        .filter(d -> d.ref()
                                                .provinceCode()
                                                .equals(p.ref().code()))
                                        .count()))
                .toList();
    }

    private Set<String> provinceCodes(List<String> filters) {
        Set<String> codes = new LinkedHashSet<>();
        if (filters == null) {
            return codes;
        }
        for (String filter : filters) {
            if (filter == null) {
                continue;
            }
            for (String value : filter.split(",")) {
                if (value.isBlank()) {
                    continue;
                }
                ProvinceRef p = resolver.province(value)
                        .orElseThrow(() -> ProblemException.unknownPlace(
                                "province", value.strip(), resolver.suggestProvinces(value, 5)));
                codes.add(p.code());
            }
        }
        return codes;
    }
}
