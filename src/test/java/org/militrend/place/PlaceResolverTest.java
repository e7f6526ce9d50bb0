package org.militrend.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PlaceResolverTest {

    @Inject
    PlaceResolver resolver;

    private String district(String raw) {
        return resolver.district(raw).map(DistrictRef::name).orElse(null);
    }

    private String province(String raw) {
        return resolver.province(raw).map(ProvinceRef::name).orElse(null);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "D.I. Khan|Dera Ismail Khan",
                "DI Khan|Dera Ismail Khan",
                "D. I Khan|Dera Ismail Khan",
                "D.I Khan|Dera Ismail Khan",
                "dera ismail khan|Dera Ismail Khan",
                "PK-KP-DERA-ISMAIL-KHAN|Dera Ismail Khan",
                "pk-kp-dera-ismail-khan|Dera Ismail Khan",
                "D.G Khan|Dera Ghazi Khan",
                "DG Khan|Dera Ghazi Khan",
                "Kuram|Kurram",
                "Kurram|Kurram",
                "Kuram Agency |Kurram",
                "KURRAM AGENCY|Kurram",
                "Nowshehra|Nowshera",
                "Hungu|Hangu",
                "Lakki|Lakki Marwat",
                "lakki marwat|Lakki Marwat",
                "North Waziristan Agency|North Waziristan",
                "north  waziristan|North Waziristan",
                "South Waziristan Agency|South Waziristan",
                "Lower South Waziristan|South Waziristan",
                "Khyber Agency|Khyber",
                "Orakzai agency|Orakzai",
                "Mohmand Agency|Mohmand",
                "Bajaur Agency|Bajaur",
                "FR Bannu|Bannu",
                "F.R. Bannu|Bannu",
                "Frontier Region Bannu|Bannu",
                "FR Peshawar|Peshawar",
                "FR Kohat|Kohat",
                "FR Lakki Marwat|Lakki Marwat",
                "FR Tank|Tank",
                "FR D.I. Khan|Dera Ismail Khan",
                "Swat district|Swat",
                "DISTRICT SWAT|Swat",
                "Mingora|Swat",
                "Wana|South Waziristan",
                "Miranshah|North Waziristan",
                "Mir Ali|North Waziristan",
                "Parachinar|Kurram",
                "Landi Kotal|Khyber",
                "Tirah Valley|Khyber",
                "Totalai|Buner",
                "Hayatabad|Peshawar",
                "Chaman|Chaman",
                "TANDO AHYAR|Tando Allahyar",
                "Tando Allahyar|Tando Allahyar",
                "Jhelum Valley|Hattian Bala",
                "Jhelum|Jhelum",
            })
    void resolvesAliases(String raw, String expected) {
        assertEquals(expected, district(raw), raw);
    }

    @Test
    void compoundValuesTryTheWholeThenTheParts() {
        assertEquals("Mohmand", district("Ghallanai, Mohmand Agency "));
        assertEquals("Mohmand", district("Mosal Kor, Mohmand Agency"));
        assertEquals("Charsadda", district("Tangi, Charsadda District"));
        assertEquals("Charsadda", district("Shabqadar-Charsadda"));
        assertEquals("South Waziristan", district("South Waziristan (Dilla Khulla area)"));
        // a part naming a district wins over a town in another district
        assertEquals("Bannu", district("Mingora town, Bannu"));
        assertEquals("Gupis-Yasin", district("Gupis-Yasin"));
        assertNull(district("Nowhere, Elsewhere"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "KPK|Khyber Pakhtunkhwa",
                "kp|Khyber Pakhtunkhwa",
                "NWFP|Khyber Pakhtunkhwa",
                "N.W.F.P|Khyber Pakhtunkhwa",
                "Khyber Pukhtunkhwa|Khyber Pakhtunkhwa",
                "Khyber Pakhtunkwa province|Khyber Pakhtunkhwa",
                "FATA|Khyber Pakhtunkhwa",
                "Fata|Khyber Pakhtunkhwa",
                "Federally Administered Tribal Areas|Khyber Pakhtunkhwa",
                "Tribal Areas|Khyber Pakhtunkhwa",
                "Baluchistan|Balochistan",
                "Balochistan province|Balochistan",
                "PK-BA|Balochistan",
                "Capital|Islamabad Capital Territory",
                "ICT|Islamabad Capital Territory",
                "Federal Capital|Islamabad Capital Territory",
                "Islamabad Capital territory|Islamabad Capital Territory",
                "AJK|Azad Jammu and Kashmir",
                "Azad Kashmir|Azad Jammu and Kashmir",
                "Azad Jammu & Kashmir|Azad Jammu and Kashmir",
                "GB|Gilgit-Baltistan",
                "Northern Areas|Gilgit-Baltistan",
                "Sindh province|Sindh",
                "punjab|Punjab",
            })
    void resolvesProvinceAliases(String raw, String expected) {
        assertEquals(expected, province(raw), raw);
    }

    @Test
    void suggestsTheClosestDistrictsFirst() {
        assertTrue(resolver.district("Banu").isEmpty());
        assertEquals("Bannu", resolver.suggestDistricts("Banu", 5).get(0));
        assertEquals("Peshawar", resolver.suggestDistricts("Peshwar", 5).get(0));
        assertEquals("Rawalpindi", resolver.suggestDistricts("Rawalpndi", 3).get(0));
        List<String> suggestions = resolver.suggestDistricts("Mingaura", 10);
        assertEquals("Swat", suggestions.get(0), "a town alias suggests its district");
        assertEquals(suggestions.stream().distinct().toList(), suggestions, "each district once");
        assertTrue(resolver.suggestDistricts("Qwxyzzz", 5).isEmpty(), "nothing close, nothing suggested");
        assertEquals("Balochistan", resolver.suggestProvinces("Balochstan", 3).get(0));
        var ranked = resolver.rankDistricts("Peshwar", 3);
        assertTrue(ranked.get(0).score() > 0.9 && ranked.get(0).score() < 1.0, ranked.toString());
    }

    @Test
    void theDistrictsProvinceWinsAndFataIsNoConflict() {
        Resolution dg = resolver.resolve("KPK", "D.G Khan");
        assertEquals("Dera Ghazi Khan", dg.district().name());
        assertEquals("Punjab", dg.province().name());
        assertNotNull(dg.warning());
        assertTrue(dg.warning().contains("Punjab"), dg.warning());

        Resolution dir = resolver.resolve("FATA", "Upper Dir");
        assertEquals("Upper Dir", dir.district().name());
        assertEquals("Khyber Pakhtunkhwa", dir.province().name());
        assertNull(dir.warning());

        Resolution nw = resolver.resolve("Fata", "North waziristan");
        assertTrue(nw.district().formerFata());
        assertNull(nw.warning());
        assertEquals("district", nw.precision());
    }

    @Test
    void unknownPartsAreFlaggedWithSuggestions() {
        Resolution r = resolver.resolve("KPK", "Peshwar");
        assertEquals("Khyber Pakhtunkhwa", r.province().name());
        assertNull(r.district());
        assertTrue(r.districtUnknown());
        assertFalse(r.provinceUnknown());
        assertEquals("Peshawar", r.suggestions().get(0));
        assertEquals("province", r.precision());

        Resolution p = resolver.resolve("Punjaab", null);
        assertTrue(p.provinceUnknown());
        assertEquals("Punjab", p.suggestions().get(0));

        Resolution both = resolver.resolve("Baluchstan", "Qeutta");
        assertTrue(both.provinceUnknown());
        assertTrue(both.districtUnknown());
        assertEquals("Quetta", both.suggestions().get(0));

        Resolution fromDistrict = resolver.resolve("Baluchstan", "Quetta");
        assertFalse(fromDistrict.provinceUnknown());
        assertEquals("Balochistan", fromDistrict.province().name());
        assertNotNull(fromDistrict.warning());

        Resolution blank = resolver.resolve(" ", "");
        assertNull(blank.province());
        assertFalse(blank.provinceUnknown() || blank.districtUnknown());
        assertEquals("country", blank.precision());
    }

    @Test
    void aCitySpanningSeveralDistrictsResolvesToItsDivision() {
        Resolution karachi = resolver.resolve("Sindh", "Karachi ");
        assertEquals("Sindh", karachi.province().name());
        assertNull(karachi.district());
        assertEquals("Karachi", karachi.division().name());
        assertFalse(karachi.districtUnknown());
        assertNotNull(karachi.warning());
        assertEquals("Karachi South", district("Karachi (South)"));
    }

    @Test
    void helpersForAggregates() {
        assertEquals(160, resolver.districts().size());
        assertEquals(7, resolver.provinces().size());
        assertEquals(40_856_097L, resolver.provincePopulation("PK-KP").orElseThrow());
        assertEquals(55_696_147L, resolver.provincePopulation("Sindh").orElseThrow());
        assertTrue(resolver.provincePopulation("PK-JK").isEmpty());
        assertTrue(resolver.provincePopulation("PK-XX").isEmpty());
        DistrictRef dik = resolver.district("D.I. Khan").orElseThrow();
        assertEquals(
                new DistrictRef(
                        "PK-KP-DERA-ISMAIL-KHAN", "Dera Ismail Khan", "PK-KP", "Khyber Pakhtunkhwa", false, 1_829_811L),
                dik);
        long fata =
                resolver.districts().stream().filter(DistrictRef::formerFata).count();
        assertEquals(7, fata);
        resolver.reload();
        assertEquals(160, resolver.districts().size());
    }
}
