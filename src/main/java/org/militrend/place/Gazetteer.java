package org.militrend.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * An immutable in-memory copy of the gazetteer tables with the lookup keys built once: names,
 * codes and aliases of provinces and districts, all by {@link PlaceNames#normalize(String)}.
 */
final class Gazetteer {

    private static final Logger LOG = Logger.getLogger(Gazetteer.class);

    /** A district with the columns that only the listing needs. */
    record DistrictInfo(DistrictRef ref, Long population2017, Double areaSqKm, List<String> aliases) {}

    /** A province with its census totals and aliases. */
    record ProvinceInfo(ProvinceRef ref, Long population2023, Double areaSqKm, List<String> aliases) {}

    /** One name a suggestion can be scored against, and the canonical place it stands for. */
    record Key<T>(String normalized, T target) {}

    /** A division with its districts (by name) and their summed census 2023 population. */
    record DivisionInfo(DivisionRef ref, List<DistrictRef> districts, Long population2023) {}

    final List<ProvinceInfo> provinces;
    /** Divisions by province name then division name. */
    final List<DivisionInfo> divisions;

    final Map<String, DivisionInfo> divisionByCode = new LinkedHashMap<>();
    /** Division names and codes. */
    final Map<String, DivisionRef> divisionKeys = new LinkedHashMap<>();
    /** The division of each district, by district code. */
    final Map<String, DivisionRef> divisionOfDistrict = new HashMap<>();

    final List<DistrictInfo> districts;
    final Map<String, ProvinceInfo> provinceByCode = new LinkedHashMap<>();
    final Map<String, DistrictInfo> districtByCode = new LinkedHashMap<>();
    /** Province names, codes and aliases. */
    final Map<String, ProvinceRef> provinceKeys = new LinkedHashMap<>();
    /** District names and codes: these win over aliases. */
    final Map<String, DistrictRef> districtNameKeys = new LinkedHashMap<>();
    /** District aliases: spellings, old agency and frontier-region names, towns. */
    final Map<String, DistrictRef> districtAliasKeys = new LinkedHashMap<>();

    final List<Key<ProvinceRef>> provinceSuggestKeys = new ArrayList<>();
    final List<Key<DistrictRef>> districtSuggestKeys = new ArrayList<>();

    Gazetteer(
            List<ProvinceEntity> provinceRows,
            List<DivisionEntity> divisionRows,
            List<DistrictEntity> districtRows,
            List<PlaceAliasEntity> aliasRows) {
        Map<String, List<String>> provinceAliases = new LinkedHashMap<>();
        Map<String, List<String>> districtAliases = new LinkedHashMap<>();
        List<PlaceAliasEntity> sortedAliases = new ArrayList<>(aliasRows);
        sortedAliases.sort(Comparator.comparing(a -> a.id == null ? Long.MAX_VALUE : a.id));
        for (PlaceAliasEntity a : sortedAliases) {
            if (PlaceAliasEntity.PROVINCE.equals(a.kind)) {
                provinceAliases
                        .computeIfAbsent(a.provinceCode, k -> new ArrayList<>())
                        .add(a.alias);
            } else {
                districtAliases
                        .computeIfAbsent(a.districtCode, k -> new ArrayList<>())
                        .add(a.alias);
            }
        }

        List<ProvinceEntity> ps = new ArrayList<>(provinceRows);
        ps.sort(Comparator.comparing(p -> p.name));
        List<ProvinceInfo> provinceList = new ArrayList<>();
        for (ProvinceEntity p : ps) {
            ProvinceInfo info = new ProvinceInfo(
                    new ProvinceRef(p.code, p.name),
                    p.population2023,
                    p.areaSqKm,
                    List.copyOf(provinceAliases.getOrDefault(p.code, List.of())));
            provinceList.add(info);
            provinceByCode.put(p.code, info);
            put(provinceKeys, PlaceNames.normalize(p.name), info.ref(), p.name);
            put(provinceKeys, PlaceNames.normalize(p.code), info.ref(), p.code);
            provinceSuggestKeys.add(new Key<>(PlaceNames.normalize(p.name), info.ref()));
        }
        provinces = List.copyOf(provinceList);

        List<DistrictEntity> ds = new ArrayList<>(districtRows);
        ds.sort(Comparator.comparing((DistrictEntity d) -> provinceByCode.get(d.provinceCode) == null
                        ? d.provinceCode
                        : provinceByCode.get(d.provinceCode).ref().name())
                .thenComparing(d -> d.name));
        List<DistrictInfo> districtList = new ArrayList<>();
        for (DistrictEntity d : ds) {
            ProvinceInfo province = Objects.requireNonNull(
                    provinceByCode.get(d.provinceCode), () -> "district " + d.code + " has no province");
            DistrictRef ref = new DistrictRef(
                    d.code, d.name, d.provinceCode, province.ref().name(), d.formerFata, d.population2023);
            DistrictInfo info = new DistrictInfo(
                    ref, d.population2017, d.areaSqKm, List.copyOf(districtAliases.getOrDefault(d.code, List.of())));
            districtList.add(info);
            districtByCode.put(d.code, info);
            put(districtNameKeys, PlaceNames.normalize(d.name), ref, d.name);
            put(districtNameKeys, PlaceNames.normalize(d.code), ref, d.code);
            districtSuggestKeys.add(new Key<>(PlaceNames.normalize(d.name), ref));
        }
        districts = List.copyOf(districtList);
        divisions = divisions(divisionRows, districtRows);

        for (PlaceAliasEntity a : sortedAliases) {
            String key = PlaceNames.normalize(a.alias);
            if (key.isEmpty()) {
                continue;
            }
            if (PlaceAliasEntity.PROVINCE.equals(a.kind)) {
                ProvinceInfo p = provinceByCode.get(a.provinceCode);
                if (p != null) {
                    put(provinceKeys, key, p.ref(), a.alias);
                    provinceSuggestKeys.add(new Key<>(key, p.ref()));
                }
            } else {
                DistrictInfo d = districtByCode.get(a.districtCode);
                if (d == null) {
                    continue;
                }
                if (districtNameKeys.containsKey(key)) {
                    if (!districtNameKeys.get(key).equals(d.ref())) {
                        LOG.warnf(
                                "alias '%s' of %s is the name of %s and is ignored",
                                a.alias,
                                d.ref().name(),
                                districtNameKeys.get(key).name());
                    }
                    continue;
                }
                put(districtAliasKeys, key, d.ref(), a.alias);
                districtSuggestKeys.add(new Key<>(key, d.ref()));
            }
        }
    }

    private List<DivisionInfo> divisions(List<DivisionEntity> divisionRows, List<DistrictEntity> districtRows) {
        Map<String, DivisionRef> refs = new LinkedHashMap<>();
        for (DivisionEntity v : divisionRows) {
            ProvinceInfo province = provinceByCode.get(v.provinceCode);
            DivisionRef ref = new DivisionRef(
                    v.code,
                    v.name,
                    v.provinceCode,
                    province == null ? v.provinceCode : province.ref().name());
            refs.put(v.code, ref);
            put(divisionKeys, PlaceNames.normalize(v.name), ref, v.name);
            put(divisionKeys, PlaceNames.normalize(v.code), ref, v.code);
        }
        Map<String, List<DistrictRef>> members = new LinkedHashMap<>();
        for (DistrictEntity d : districtRows) {
            DivisionRef division = d.divisionCode == null ? null : refs.get(d.divisionCode);
            if (division != null) {
                divisionOfDistrict.put(d.code, division);
                members.computeIfAbsent(d.divisionCode, k -> new ArrayList<>())
                        .add(districtByCode.get(d.code).ref());
            }
        }
        List<DivisionInfo> list = new ArrayList<>();
        for (DivisionRef ref : refs.values()) {
            List<DistrictRef> ds = new ArrayList<>(members.getOrDefault(ref.code(), List.of()));
            ds.sort(Comparator.comparing(DistrictRef::name));
            boolean counted = !ds.isEmpty() && ds.stream().allMatch(d -> d.population2023() != null);
            Long population =
                    counted ? ds.stream().mapToLong(DistrictRef::population2023).sum() : null;
            DivisionInfo info = new DivisionInfo(ref, List.copyOf(ds), population);
            list.add(info);
            divisionByCode.put(ref.code(), info);
        }
        list.sort(Comparator.comparing((DivisionInfo v) -> v.ref().provinceName())
                .thenComparing(v -> v.ref().name()));
        return List.copyOf(list);
    }

    private static <T> void put(Map<String, T> keys, String key, T target, String source) {
        if (key.isEmpty()) {
            return;
        }
        T previous = keys.putIfAbsent(key, target);
        if (previous != null && !previous.equals(target)) {
            LOG.warnf("place name '%s' is ambiguous; it keeps meaning %s", source, previous);
        }
    }

    DistrictInfo district(String code) {
        return code == null ? null : districtByCode.get(code.trim().toUpperCase(Locale.ROOT));
    }

    ProvinceInfo province(String code) {
        return code == null ? null : provinceByCode.get(code.trim().toUpperCase(Locale.ROOT));
    }
}
