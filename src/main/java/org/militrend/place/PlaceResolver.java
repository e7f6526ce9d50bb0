package org.militrend.place;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Turns the place names sources write (provinces, districts, their aliases and spellings, pre-2018
 * agency names, towns) into the canonical provinces and districts of the gazetteer.
 *
 * <p>The gazetteer is read from the database once, on first use, and kept in memory; {@link
 * #reload()} reads it again. Every method is safe to call from many threads.
 */
@ApplicationScoped
public class PlaceResolver {

    /** Scores below this are not worth suggesting. */
    static final double MIN_SUGGESTION_SCORE = 0.75;

    /** Separators of compound values such as "Ghallanai, Mohmand Agency" or "Shabqadar-Charsadda". */
    private static final Pattern PARTS = Pattern.compile("[,;/|()\\[\\]\\-\\u2013\\u2014]+");

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private volatile Gazetteer gazetteer;

    /** A canonical place with its similarity to the searched name (1 = identical keys). */
    public record Scored<T>(T place, double score) {}

    /** Reads the gazetteer tables again, e.g. after a migration or a test changed them. */
    public void reload() {
        gazetteer = load();
    }

    Gazetteer gazetteer() {
        Gazetteer g = gazetteer;
        if (g == null) {
            synchronized (this) {
                g = gazetteer;
                if (g == null) {
                    g = load();
                    gazetteer = g;
                }
            }
        }
        return g;
    }

    private static Gazetteer load() {
        return QuarkusTransaction.joiningExisting()
                .call(() -> new Gazetteer(
                        ProvinceEntity.<ProvinceEntity>listAll(),
                        DivisionEntity.<DivisionEntity>listAll(),
                        DistrictEntity.<DistrictEntity>listAll(),
                        PlaceAliasEntity.<PlaceAliasEntity>listAll()));
    }

    /** The province named by a name, an alias (KPK, NWFP, FATA, Capital, AJK, ...) or a code. */
    public Optional<ProvinceRef> province(String nameAliasOrCode) {
        String key = PlaceNames.normalize(nameAliasOrCode);
        return key.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(gazetteer().provinceKeys.get(key));
    }

    /**
     * The district named by a name, a code or an alias (spelling, pre-2018 agency or frontier-region
     * name, town). A compound value ("Ghallanai, Mohmand Agency", "Shabqadar-Charsadda") is tried
     * whole, then part by part; when the parts disagree a part naming a district wins over a town.
     */
    public Optional<DistrictRef> district(String nameAliasOrCode) {
        Gazetteer g = gazetteer();
        DistrictRef whole = lookup(g, PlaceNames.normalize(nameAliasOrCode));
        if (whole != null || nameAliasOrCode == null) {
            return Optional.ofNullable(whole);
        }
        DistrictRef byName = null;
        DistrictRef byAlias = null;
        for (String part : PARTS.split(nameAliasOrCode)) {
            String key = PlaceNames.normalize(part);
            if (key.isEmpty()) {
                continue;
            }
            DistrictRef named = g.districtNameKeys.get(key);
            if (named != null && byName == null) {
                byName = named;
            }
            DistrictRef aliased = g.districtAliasKeys.get(key);
            if (aliased != null && byAlias == null) {
                byAlias = aliased;
            }
        }
        return Optional.ofNullable(byName != null ? byName : byAlias);
    }

    /** The division named by its name or code ("Karachi", "Karachi Division", "PK-SD-DIV-KARACHI"). */
    public Optional<DivisionRef> division(String nameOrCode) {
        String key = PlaceNames.normalize(nameOrCode);
        return key.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(gazetteer().divisionKeys.get(key));
    }

    /** The division a district (by code) belongs to. */
    public Optional<DivisionRef> divisionOfDistrict(String districtCode) {
        return districtCode == null
                ? Optional.empty()
                : Optional.ofNullable(gazetteer().divisionOfDistrict.get(districtCode));
    }

    /** Up to {@code limit} division names closest to {@code raw}, best first. */
    public List<String> suggestDivisions(String raw, int limit) {
        List<Gazetteer.Key<DivisionRef>> keys = gazetteer().divisions.stream()
                .map(v -> new Gazetteer.Key<>(PlaceNames.normalize(v.ref().name()), v.ref()))
                .toList();
        return rank(raw, keys, DivisionRef::name, limit).stream()
                .map(s -> s.place().name())
                .toList();
    }

    private static DistrictRef lookup(Gazetteer g, String key) {
        if (key.isEmpty()) {
            return null;
        }
        DistrictRef named = g.districtNameKeys.get(key);
        return named != null ? named : g.districtAliasKeys.get(key);
    }

    /** Up to {@code limit} canonical district names closest to {@code raw}, best first. */
    public List<String> suggestDistricts(String raw, int limit) {
        return rankDistricts(raw, limit).stream().map(s -> s.place().name()).toList();
    }

    /** Up to {@code limit} canonical province names closest to {@code raw}, best first. */
    public List<String> suggestProvinces(String raw, int limit) {
        return rankProvinces(raw, limit).stream().map(s -> s.place().name()).toList();
    }

    /**
     * Districts ranked by Jaro-Winkler similarity between the normalized {@code raw} and the
     * normalized names and aliases of each district (its best-scoring name counts), best first,
     * each district once, scores below {@value #MIN_SUGGESTION_SCORE} left out.
     */
    public List<Scored<DistrictRef>> rankDistricts(String raw, int limit) {
        return rank(raw, gazetteer().districtSuggestKeys, DistrictRef::name, limit);
    }

    /** Provinces ranked like {@link #rankDistricts(String, int)}. */
    public List<Scored<ProvinceRef>> rankProvinces(String raw, int limit) {
        return rank(raw, gazetteer().provinceSuggestKeys, ProvinceRef::name, limit);
    }

    private static <T> List<Scored<T>> rank(
            String raw, List<Gazetteer.Key<T>> keys, Function<T, String> name, int limit) {
        String query = PlaceNames.normalize(raw);
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<T, Double> best = new LinkedHashMap<>();
        for (Gazetteer.Key<T> key : keys) {
            double score = SIMILARITY.apply(query, key.normalized());
            best.merge(key.target(), score, Math::max);
        }
        List<Scored<T>> ranked = new ArrayList<>();
        best.forEach((place, score) -> {
            if (score >= MIN_SUGGESTION_SCORE) {
                ranked.add(new Scored<>(place, score));
            }
        });
        ranked.sort(Comparator.comparingDouble((Scored<T> s) -> -s.score()).thenComparing(s -> name.apply(s.place())));
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    /**
     * Resolves a (province, district) pair as sources give it; either may be blank. See {@link
     * Resolution} for what the result means.
     */
    public Resolution resolve(String provinceRaw, String districtRaw) {
        boolean provinceGiven = !isBlank(provinceRaw);
        boolean districtGiven = !isBlank(districtRaw);
        ProvinceRef province = provinceGiven ? province(provinceRaw).orElse(null) : null;
        boolean provinceUnknown = provinceGiven && province == null;

        if (!districtGiven) {
            return new Resolution(
                    province,
                    null,
                    provinceUnknown,
                    false,
                    provinceUnknown ? suggestProvinces(provinceRaw, 5) : null,
                    null,
                    null);
        }
        DistrictRef district = district(districtRaw).orElse(null);
        if (district != null) {
            ProvinceRef own = new ProvinceRef(district.provinceCode(), district.provinceName());
            String warning = null;
            if (provinceUnknown) {
                warning = "unknown province '" + provinceRaw.strip() + "'; using " + own.name() + ", the province of "
                        + district.name();
            } else if (province != null && !province.equals(own)) {
                warning = "district " + district.name() + " lies in " + own.name() + ", not " + province.name() + " ('"
                        + provinceRaw.strip() + "'); using " + own.name();
            }
            return new Resolution(
                    own,
                    district,
                    false,
                    false,
                    null,
                    warning,
                    divisionOfDistrict(district.code()).orElse(null));
        }
        // Not a district: maybe a division, such as the city of Karachi and its seven districts.
        DivisionRef division = divisionLevel(districtRaw);
        if (division != null) {
            ProvinceRef own = new ProvinceRef(division.provinceCode(), division.provinceName());
            String warning = "'" + districtRaw.strip() + "' is not one district; located to division " + division.name()
                    + " (" + own.name() + ")";
            if (province != null && !province.equals(own)) {
                warning += "; it lies in " + own.name() + ", not " + province.name();
            }
            return new Resolution(own, null, false, false, null, warning, division);
        }
        // Not a district: maybe a name of a whole province or of a city spanning several districts.
        ProvinceRef wide = provinceLevel(districtRaw);
        if (wide != null) {
            String warning = "'" + districtRaw.strip() + "' is not one district (it names " + wide.name()
                    + " or a part of it spanning several districts); located to province level";
            if (province != null && !province.equals(wide)) {
                warning += "; it lies in " + wide.name() + ", not " + province.name();
            }
            return new Resolution(wide, null, false, false, null, warning, null);
        }
        return new Resolution(province, null, provinceUnknown, true, suggestDistricts(districtRaw, 5), null, null);
    }

    /** A division named by a district value, whole or by one of its parts ("Karachi, Sindh"). */
    private DivisionRef divisionLevel(String raw) {
        return wholeOrPart(raw, this::division);
    }

    /** A province named by a district value, whole or by one of its parts ("Karachi, Sindh"). */
    private ProvinceRef provinceLevel(String raw) {
        return wholeOrPart(raw, this::province);
    }

    private static <T> T wholeOrPart(String raw, Function<String, Optional<T>> lookup) {
        Optional<T> whole = lookup.apply(raw);
        if (whole.isPresent()) {
            return whole.get();
        }
        for (String part : PARTS.split(raw)) {
            Optional<T> found = lookup.apply(part);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    /** Every district, by province name then district name. */
    public List<DistrictRef> districts() {
        return gazetteer().districts.stream().map(Gazetteer.DistrictInfo::ref).toList();
    }

    /** Every division, by province name then division name. */
    public List<DivisionRef> divisions() {
        return gazetteer().divisions.stream().map(Gazetteer.DivisionInfo::ref).toList();
    }

    /** Every province and territory, by name. */
    public List<ProvinceRef> provinces() {
        return gazetteer().provinces.stream().map(Gazetteer.ProvinceInfo::ref).toList();
    }

    /**
     * Census 2023 population of a province (its code, or any name or alias); empty for Azad Jammu
     * and Kashmir and Gilgit-Baltistan, which the census tables do not cover, and for unknown names.
     */
    public Optional<Long> provincePopulation(String code) {
        Gazetteer g = gazetteer();
        Gazetteer.ProvinceInfo info = g.province(code);
        if (info == null) {
            info = province(code).map(p -> g.provinceByCode.get(p.code())).orElse(null);
        }
        return info == null ? Optional.empty() : Optional.ofNullable(info.population2023());
    }

    private static boolean isBlank(String s) {
        return s == null || PlaceNames.normalize(s).isEmpty();
    }
}
