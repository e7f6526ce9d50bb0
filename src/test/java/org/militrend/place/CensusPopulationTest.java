package org.militrend.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.militrend.testing.SharedData;

/** The district table against the census CSVs themselves, with the two documented corrections. */
@QuarkusTest
class CensusPopulationTest {

    /** Census file key -> province code. */
    private static final Map<String, String> FILES =
            Map.of("balochistan", "PK-BA", "islamabad", "PK-IS", "kp", "PK-KP", "punjab", "PK-PB", "sindh", "PK-SD");

    private static final Map<String, Integer> DISTRICTS_PER_PROVINCE =
            Map.of("PK-BA", 34, "PK-IS", 1, "PK-KP", 35, "PK-PB", 36, "PK-SD", 30, "PK-JK", 10, "PK-GB", 14);

    @Inject
    EntityManager em;

    record CensusRow(String name, long population2023, long population2017, double areaSqKm) {}

    /** The OVERALL district rows of one census file, as they must be stored. */
    static List<CensusRow> census(String file) throws IOException {
        List<CensusRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(
                SharedData.data("census-2023/table_01_" + file + "_district.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                if (!"DISTRICT".equals(r.get("admin_unit")) || !"OVERALL".equals(r.get("region"))) {
                    continue;
                }
                String name = r.get("name_admin_unit").strip();
                long population = Long.parseLong(r.get("all_sexes"));
                if (name.equals("TANDO MUHAMMAD KHAN") && population == 272_427L) {
                    continue; // correction 2: the sub-district row
                }
                if (name.equals("TANDO AHYAR")) {
                    name = "TANDO ALLAHYAR"; // correction 1
                }
                rows.add(new CensusRow(
                        name, population, Long.parseLong(r.get("pop_2017")), Double.parseDouble(r.get("area_sqkm"))));
            }
        }
        return rows;
    }

    private Map<String, CensusRow> stored(String provinceCode) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT name, population_2023, population_2017, area_sqkm FROM district WHERE province_code = ?1")
                .setParameter(1, provinceCode)
                .getResultList();
        Map<String, CensusRow> byName = new TreeMap<>();
        for (Object[] r : rows) {
            byName.put(
                    ((String) r[0]).toUpperCase(),
                    new CensusRow(
                            (String) r[0],
                            r[1] == null ? -1 : ((Number) r[1]).longValue(),
                            r[2] == null ? -1 : ((Number) r[2]).longValue(),
                            r[3] == null ? -1 : ((Number) r[3]).doubleValue()));
        }
        return byName;
    }

    @Test
    @TestTransaction
    void everyCensusDistrictIsStoredWithItsFigures() throws IOException {
        long total = 0;
        for (var file : new TreeMap<>(FILES).entrySet()) {
            String province = file.getValue();
            List<CensusRow> census = census(file.getKey());
            Map<String, CensusRow> stored = stored(province);
            assertEquals(
                    census.stream().map(CensusRow::name).collect(Collectors.toCollection(TreeSet::new)),
                    stored.keySet(),
                    "districts of " + province);
            for (CensusRow c : census) {
                CensusRow s = stored.get(c.name());
                assertEquals(c.population2023(), s.population2023(), c.name() + " population 2023");
                assertEquals(c.population2017(), s.population2017(), c.name() + " population 2017");
                assertEquals(c.areaSqKm(), s.areaSqKm(), 1e-9, c.name() + " area");
            }
            long sum = census.stream().mapToLong(CensusRow::population2023).sum();
            Number provincePopulation =
                    (Number) em.createNativeQuery("SELECT population_2023 FROM province WHERE code = ?1")
                            .setParameter(1, province)
                            .getSingleResult();
            assertEquals(sum, provincePopulation.longValue(), "population of " + province);
            Number dbSum =
                    (Number) em.createNativeQuery("SELECT SUM(population_2023) FROM district WHERE province_code = ?1")
                            .setParameter(1, province)
                            .getSingleResult();
            assertEquals(sum, dbSum.longValue(), "district sum of " + province);
            total += sum;
        }
        assertEquals(
                55_696_147L,
                stored("PK-SD").values().stream()
                        .mapToLong(CensusRow::population2023)
                        .sum());
        assertEquals(241_499_431L, total, "official total of the four provinces and Islamabad");
        Number dbTotal = (Number) em.createNativeQuery("SELECT SUM(population_2023) FROM district")
                .getSingleResult();
        assertEquals(241_499_431L, dbTotal.longValue());
    }

    @Test
    void theRawSourceHasTheTwoKnownErrors() throws IOException {
        // guards the corrections: without them the census rows sum to 241,771,858
        long raw = 0;
        int tandoMuhammadKhan = 0;
        for (String file : FILES.keySet()) {
            try (Reader in = Files.newBufferedReader(
                    SharedData.data("census-2023/table_01_" + file + "_district.csv"), StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
                    if ("DISTRICT".equals(r.get("admin_unit")) && "OVERALL".equals(r.get("region"))) {
                        raw += Long.parseLong(r.get("all_sexes"));
                        tandoMuhammadKhan += r.get("name_admin_unit").equals("TANDO MUHAMMAD KHAN") ? 1 : 0;
                    }
                }
            }
        }
        assertEquals(241_771_858L, raw);
        assertEquals(2, tandoMuhammadKhan);
        assertEquals(241_771_858L - 272_427L, 241_499_431L);
    }

    @Test
    @TestTransaction
    void districtCountsFlagsAndMissingPopulations() {
        List<Object[]> counts = em.createNativeQuery(
                        "SELECT province_code, COUNT(*), COUNT(population_2023) FROM district GROUP BY province_code")
                .getResultList();
        Map<String, Integer> byProvince = new TreeMap<>();
        for (Object[] c : counts) {
            String code = (String) c[0];
            int n = ((Number) c[1]).intValue();
            int withPopulation = ((Number) c[2]).intValue();
            byProvince.put(code, n);
            boolean censusCovers = !code.equals("PK-JK") && !code.equals("PK-GB");
            assertEquals(censusCovers ? n : 0, withPopulation, "districts with a population in " + code);
        }
        assertEquals(new TreeMap<>(DISTRICTS_PER_PROVINCE), byProvince);

        List<String> fata = em.createNativeQuery("SELECT name FROM district WHERE former_fata ORDER BY name")
                .getResultList();
        assertEquals(
                List.of("Bajaur", "Khyber", "Kurram", "Mohmand", "North Waziristan", "Orakzai", "South Waziristan"),
                fata);
        for (String territory : Set.of("PK-JK", "PK-GB")) {
            Object population = em.createNativeQuery("SELECT population_2023 FROM province WHERE code = ?1")
                    .setParameter(1, territory)
                    .getSingleResult();
            assertNull(population, territory);
        }
        List<String> names = em.createNativeQuery(
                        "SELECT name FROM district WHERE code IN ('PK-KP-DERA-ISMAIL-KHAN', 'PK-SD-TANDO-ALLAHYAR',"
                                + " 'PK-SD-KAMBAR-SHAHDAD-KOT', 'PK-GB-GUPIS-YASIN') ORDER BY code")
                .getResultList();
        assertEquals(List.of("Gupis-Yasin", "Dera Ismail Khan", "Kambar Shahdad Kot", "Tando Allahyar"), names);
    }
}
