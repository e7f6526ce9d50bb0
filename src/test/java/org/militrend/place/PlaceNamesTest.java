package org.militrend.place;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("no-db")
class PlaceNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "D.I. Khan|dikhan",
                "DI Khan|dikhan",
                "D. I Khan|dikhan",
                "  d.i khan |dikhan",
                "Dera Ismail Khan|deraismailkhan",
                "North Waziristan Agency|northwaziristan",
                "KURRAM AGENCY|kurram",
                "Mohmand agency |mohmand",
                "Swat district|swat",
                "District Swat|swat",
                "Khyber Pakhtunkwa province|khyberpakhtunkwa",
                "Sehwan town|sehwan",
                "Tirah Valley|tirahvalley",
                "Jhelum Valley|jhelumvalley",
                "Shabqadar-Charsadda|shabqadarcharsadda",
                "Azad Jammu & Kashmir|azadjammuandkashmir",
                "Azad Jammu and Kashmir|azadjammuandkashmir",
                "Peshāwar|peshawar",
                "N.W.F.P|nwfp",
                "Agency|agency",
                "Town District|town",
            })
    void normalizes(String raw, String expected) {
        assertEquals(expected, PlaceNames.normalize(raw));
    }

    @Test
    void treatsNonBreakingSpaceAsASpace() {
        assertEquals("lakkimarwat", PlaceNames.normalize("Lakki\u00a0Marwat\u00a0"));
        assertEquals(PlaceNames.normalize("Mir Ali"), PlaceNames.normalize("Mir\u00a0Ali"));
    }

    @Test
    void blankAndNullAreEmpty() {
        assertEquals("", PlaceNames.normalize(null));
        assertEquals("", PlaceNames.normalize("  -- . "));
    }
}
