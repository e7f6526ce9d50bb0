package org.militrend.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The content hash of stored rows must never change: a re-import compares it with the stored
 * one, so a different hash for the same values would report every existing row as updated. The
 * expected values were computed by the hash as it was before the column table drove it.
 */
@Tag("no-db")
class IncidentHashPinTest {

    private static IncidentValues all(EventDetail detail) {
        return new IncidentValues(
                "pbc",
                "PBC-0042",
                new EventDate(LocalDate.of(2009, 10, 28), DatePrecision.DAY),
                new ResolvedPlace(
                        "Pakistan",
                        "PK-KP",
                        "PK-KP-PES",
                        "Meena Bazaar, Peshawar",
                        LocationPrecision.EXACT,
                        34.0083,
                        71.5785),
                new EventSummary("Suicide car bombing", "TTP", "civilians, market"),
                new Casualties(118, 110, 100, 3, 1, 213, 200),
                new Provenance("Dawn", "https://example.org/a?b=1", "line one\nline two, \"quoted\""),
                detail);
    }

    @Test
    void allFieldsSetAndDetailBlank() {
        IncidentValues v = all(EventDetail.of(Category.infer("Suicide car bombing")));
        assertEquals("926df4d990b2a24a3a33265018a41077769faa6a9d6205106a19146c7b7fe87b", v.hash());
    }

    @Test
    void allFieldsAndDetailSet() {
        IncidentValues v =
                all(new EventDetail(Category.TARGETED_KILLING, "Remote explosive", "Police", 100, 130, "25.1"));
        assertEquals("5491436aee020130cbacb9c3d7140e60bd6ca5c9335966479b153efe21145fc6", v.hash());
    }

    @Test
    void onlyTheRequiredFields() {
        IncidentValues v = new IncidentValues(
                "native",
                "n-1",
                new EventDate(LocalDate.of(2017, 3, 1), DatePrecision.MONTH),
                new ResolvedPlace(null, null, null, null, LocationPrecision.DISTRICT, null, null),
                new EventSummary(null, null, null),
                new Casualties(null, null, null, null, null, null, null),
                new Provenance(null, null, null),
                EventDetail.of(Category.infer(null)));
        assertEquals("ff40a9a973560b9eca3c6ff6ec5fe3785278a3fea2b9ba76516c54e226a15b07", v.hash());
    }

    @Test
    void emptyStringsDifferFromNullsAndZeroCounts() {
        IncidentValues v = new IncidentValues(
                "native",
                "n-2",
                new EventDate(LocalDate.of(2014, 12, 16), DatePrecision.DAY),
                new ResolvedPlace("", "PK-KP", "", "", LocationPrecision.PROVINCE, 0.0, -0.5),
                new EventSummary("", "", ""),
                new Casualties(0, 0, 0, 0, 0, 0, 0),
                new Provenance("", "", ""),
                new EventDetail(Category.infer(""), "", "", 0, 0, ""));
        assertEquals("46d0d7fe925450cee0cd2665752c0987a301dc7204a04762de9313765dcdfb12", v.hash());
    }

    @Test
    void detailPartlySetWithAnInferredCategory() {
        IncidentValues v = new IncidentValues(
                "ucdp-ged",
                "123456",
                new EventDate(LocalDate.of(2022, 8, 5), DatePrecision.WEEK),
                new ResolvedPlace(
                        "Pakistan", "PK-KP", "PK-KP-KUR", "Parachinar", LocationPrecision.DISTRICT, 33.9, 70.1),
                new EventSummary("armed clash", "Government of Pakistan", null),
                new Casualties(7, null, null, 2, 5, null, null),
                new Provenance("UCDP", null, null),
                new EventDetail(Category.infer("armed clash"), null, "TTP", 5, 9, null));
        assertEquals("131407edba076f916753f197936999a3d4bfe76c25dd11f733a26251b4be0dcb", v.hash());
    }
}
