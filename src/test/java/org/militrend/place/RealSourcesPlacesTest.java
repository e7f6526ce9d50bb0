package org.militrend.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.militrend.testing.SharedData;

/** Every place the bundled real sources name resolves to the district a person would pick. */
@QuarkusTest
class RealSourcesPlacesTest {

    /** Pakistan Body Count City (any case, trimmed) -> district; null: a city of several districts. */
    private static final Map<String, String> PBC_CITY = new HashMap<>();

    static {
        String[][] table = {
            {"attock", "Attock"},
            {"bajaur agency", "Bajaur"},
            {"bannu", "Bannu"},
            {"bhakkar", "Bhakkar"},
            {"buner", "Buner"},
            {"chakwal", "Chakwal"},
            {"chaman", "Chaman"},
            {"charsadda", "Charsadda"},
            {"d. i khan", "Dera Ismail Khan"},
            {"d.g khan", "Dera Ghazi Khan"},
            {"d.i khan", "Dera Ismail Khan"},
            {"dara adam khel", "Kohat"},
            {"fateh jang", "Attock"},
            {"ghallanai, mohmand agency", "Mohmand"},
            {"gujrat", "Gujrat"},
            {"hangu", "Hangu"},
            {"haripur", "Haripur"},
            {"hayatabad", "Peshawar"},
            {"islamabad", "Islamabad"},
            {"jacobabad", "Jacobabad"},
            {"karachi", null},
            {"karak", "Karak"},
            {"khanewal", "Khanewal"},
            {"khuzdar", "Khuzdar"},
            {"khyber agency", "Khyber"},
            {"kohat", "Kohat"},
            {"kuram agency", "Kurram"},
            {"kurram agency", "Kurram"},
            {"lahore", "Lahore"},
            {"lakki marwat", "Lakki Marwat"},
            {"lasbela", "Lasbela"},
            {"lower dir", "Lower Dir"},
            {"malakand", "Malakand"},
            {"mansehra", "Mansehra"},
            {"mardan", "Mardan"},
            {"mohmand agency", "Mohmand"},
            {"mosal kor, mohmand agency", "Mohmand"},
            {"multan", "Multan"},
            {"muzaffarabad", "Muzaffarabad"},
            {"north waziristan", "North Waziristan"},
            {"nowshehra", "Nowshera"},
            {"orakzai agency", "Orakzai"},
            {"peshawar", "Peshawar"},
            {"pishin", "Pishin"},
            {"poonch", "Poonch"},
            {"quetta", "Quetta"},
            {"rawalpindi", "Rawalpindi"},
            {"sargodha", "Sargodha"},
            {"sehwan town", "Jamshoro"},
            {"shabqadar-charsadda", "Charsadda"},
            {"shangla", "Shangla"},
            {"shikarpur", "Shikarpur"},
            {"sialkot", "Sialkot"},
            {"south waziristan", "South Waziristan"},
            {"sudhanoti", "Sudhanoti"},
            {"sukkur", "Sukkur"},
            {"swabi", "Swabi"},
            {"swat", "Swat"},
            {"taftan", "Chagai"},
            {"tangi, charsadda district", "Charsadda"},
            {"tank", "Tank"},
            {"taunsa", "Dera Ghazi Khan"},
            {"tirah valley", "Khyber"},
            {"totalai", "Buner"},
            {"upper dir", "Upper Dir"},
            {"wagah", "Lahore"},
            {"zhob", "Zhob"},
        };
        for (String[] row : table) {
            PBC_CITY.put(row[0], row[1]);
        }
    }

    /** Pairs where the source's province is not the district's: the district wins, with a warning. */
    private static final Set<String> PBC_PROVINCE_CONFLICTS = Set.of("d.g khan|KPK");

    @Inject
    PlaceResolver resolver;

    private static List<CSVRecord> read(Path file, Charset charset) throws IOException {
        try (Reader in = Files.newBufferedReader(file, charset)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    @Test
    void everyPakistanBodyCountCityResolves() throws IOException {
        Path file = SharedData.data("pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv");
        List<CSVRecord> rows = read(file, Charset.forName("windows-1252"));
        assertEquals(496, rows.size());
        Set<String> pairs = new LinkedHashSet<>();
        for (CSVRecord r : rows) {
            pairs.add(r.get("City").strip().toLowerCase(Locale.ROOT) + "|"
                    + r.get("Province").strip());
        }
        Set<String> caseInsensitive = new LinkedHashSet<>();
        pairs.forEach(p -> caseInsensitive.add(p.toLowerCase(Locale.ROOT)));
        assertEquals(74, caseInsensitive.size(), "distinct city/province pairs (trimmed, any case)");

        List<String> failures = new ArrayList<>();
        for (String pair : pairs) {
            String city = pair.substring(0, pair.indexOf('|'));
            String province = pair.substring(pair.indexOf('|') + 1);
            assertTrue(PBC_CITY.containsKey(city), "no expectation for PBC city '" + city + "'");
            String expected = PBC_CITY.get(city);
            Resolution r = resolver.resolve(province, city);
            assertFalse(r.provinceUnknown(), pair);
            assertFalse(r.districtUnknown(), pair + " suggestions " + r.suggestions());
            String got = r.district() == null ? null : r.district().name();
            if (!Objects.equals(expected, got)) {
                failures.add(pair + " -> " + got + ", expected " + expected);
                continue;
            }
            if (expected == null) {
                assertEquals("Sindh", r.province().name(), pair);
                assertNotNull(r.warning(), pair);
            } else if (PBC_PROVINCE_CONFLICTS.contains(pair)) {
                assertNotNull(r.warning(), pair);
            } else {
                assertNull(r.warning(), pair + ": " + r.warning());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void townsInThePakistanBodyCountLocationColumnResolve() {
        String[][] towns = {
            {"Mingora", "Swat"},
            {"mingora town", "Swat"},
            {"Wana", "South Waziristan"},
            {"Miranshah", "North Waziristan"},
            {"Miramshah", "North Waziristan"},
            {"Mir Ali", "North Waziristan"},
            {"Mirali", "North Waziristan"},
            {"Razmak", "North Waziristan"},
            {"Parachinar", "Kurram"},
            {"Landi Kotal", "Khyber"},
            {"landikotal town", "Khyber"},
            {"Jamrud", "Khyber"},
            {"Jamrood", "Khyber"},
            {"Bara", "Khyber"},
            {"Torkham", "Khyber"},
            {"Darra Adamkhel", "Kohat"},
            {"Khar", "Bajaur"},
            {"Timergara", "Lower Dir"},
            {"Batkhela", "Malakand"},
            {"Dargai", "Malakand"},
            {"Balakot", "Mansehra"},
            {"Risalpur", "Nowshera"},
            {"Kulachi", "Dera Ismail Khan"},
            {"Shabqadar", "Charsadda"},
            {"Doaba", "Hangu"},
            {"Matta", "Swat"},
            {"Kabal", "Swat"},
            {"Khwazakhela", "Swat"},
            {"Darra Pezu", "Lakki Marwat"},
            {"Rawalakot", "Poonch"},
            {"Alpuri", "Shangla"},
            {"Gandava", "Jhal Magsi"},
            {"Thakot", "Batagram"},
            {"Wah Cantt", "Rawalpindi"},
            {"Kamra", "Attock"},
            {"Pir Mahal", "Toba Tek Singh"},
            {"Sehwan", "Jamshoro"},
        };
        for (String[] t : towns) {
            assertEquals(t[1], resolver.district(t[0]).map(DistrictRef::name).orElse(null), t[0]);
        }
    }

    /** UCDP adm_1 -> province. */
    private static final Map<String, String> UCDP_ADM1 = Map.of(
            "Khyber Pakhtunkwa province", "Khyber Pakhtunkhwa",
            "Federally Administered Tribal Areas", "Khyber Pakhtunkhwa",
            "Balochistan province", "Balochistan",
            "Islamabad Capital territory", "Islamabad Capital Territory",
            "Sindh province", "Sindh",
            "Azad Jammu & Kashmir", "Azad Jammu and Kashmir");

    /** UCDP adm_2 (or where_description when adm_2 is blank) -> district; null: several districts. */
    private static final Map<String, String> UCDP_ADM2 = new HashMap<>();

    static {
        String[][] table = {
            {"Kurram district", "Kurram"},
            {"Khyber agency", "Khyber"},
            {"Nushki district", "Nushki"},
            {"Islamabad", "Islamabad"},
            {"South Waziristan", "South Waziristan"},
            {"Swat district", "Swat"},
            {"Mastung district", "Mastung"},
            {"Karachi district", null},
            {"Orakzai agency", "Orakzai"},
            {"Kurram agency", "Kurram"},
            {"Dera Ismail Khan district", "Dera Ismail Khan"},
            {"Mohmand agency", "Mohmand"},
            {"Khuzdar district", "Khuzdar"},
            {"Haveli district", "Haveli"},
            {"Sibi district", "Sibi"},
            {"Kohlu district", "Kohlu"},
            {"Peshawar district", "Peshawar"},
            {"Quetta district", "Quetta"},
        };
        for (String[] row : table) {
            UCDP_ADM2.put(row[0], row[1]);
        }
    }

    /** where_description values that name one place -> its district (as UCDP's adm_2 has it). */
    private static final Map<String, String> UCDP_WHERE = Map.ofEntries(
            Map.entry("Mingora", "Swat"),
            Map.entry("Parachinar", "Kurram"),
            Map.entry("Jamrud", "Khyber"),
            Map.entry("Peshawar", "Peshawar"),
            Map.entry("Quetta", "Quetta"),
            Map.entry("Swat", "Swat"),
            Map.entry("Khuzdar", "Khuzdar"),
            Map.entry("Mattani", "Peshawar"),
            Map.entry("Islamabad", "Islamabad"),
            Map.entry("Kohlu District", "Kohlu"),
            Map.entry("South Waziristan (Dilla Khulla area)", "South Waziristan"),
            Map.entry("Dabori area", "Orakzai"));

    @Test
    void everyPakistanRowOfTheUcdpSampleResolves() throws IOException {
        List<CSVRecord> rows = read(SharedData.data("ucdp/ucdpged-2023-sample.csv"), StandardCharsets.UTF_8);
        List<CSVRecord> pakistan =
                rows.stream().filter(r -> "Pakistan".equals(r.get("country"))).toList();
        assertEquals(34, pakistan.size());
        int described = 0;
        for (CSVRecord r : pakistan) {
            String adm1 = r.get("adm_1");
            String adm2 = r.get("adm_2");
            String where = r.get("where_description");
            assertTrue(UCDP_ADM1.containsKey(adm1), "no expectation for adm_1 '" + adm1 + "'");
            assertEquals(
                    UCDP_ADM1.get(adm1),
                    resolver.province(adm1).map(ProvinceRef::name).orElse(null),
                    adm1);

            String named = adm2.isBlank() ? where : adm2;
            assertTrue(UCDP_ADM2.containsKey(named), "no expectation for adm_2 '" + named + "'");
            Resolution res = resolver.resolve(adm1, named);
            assertFalse(res.provinceUnknown() || res.districtUnknown(), named);
            assertEquals(
                    UCDP_ADM2.get(named),
                    res.district() == null ? null : res.district().name(),
                    named);
            assertEquals(UCDP_ADM1.get(adm1), res.province().name(), named);
            if (res.district() != null) {
                assertNull(res.warning(), named + ": " + res.warning());
            }

            if (UCDP_WHERE.containsKey(where)) {
                described++;
                assertEquals(
                        UCDP_WHERE.get(where),
                        resolver.district(where).map(DistrictRef::name).orElse(null),
                        where);
                assertEquals(UCDP_WHERE.get(where), res.district().name(), "adm_2 and where_description agree");
            }
        }
        assertEquals(12, described, "rows whose where_description names one place");
    }
}
