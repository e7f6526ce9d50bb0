package org.militrend.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Trendfinder bands and the small-numbers rule, at and around every boundary. */
@Tag("no-db")
class ChangeTest {

    @Test
    void bandsFollowTrendfinder() {
        assertEquals("large rise", Change.of(100, 126).band());
        assertEquals("moderate rise", Change.of(100, 125).band());
        assertEquals("moderate rise", Change.of(100, 111).band());
        assertEquals("limited change", Change.of(100, 110).band());
        assertEquals("limited change", Change.of(100, 75).band());
        assertEquals("large fall", Change.of(100, 74).band());
        assertEquals(26.0, Change.of(100, 126).percent(), 1e-12);
    }

    @Test
    void smallNumbersAreNotASurge() {
        Change c = Change.of(1, 3);
        assertEquals("too few to compare", c.band());
        assertEquals(200.0, c.percent(), 1e-12);
        assertEquals("too few to compare", Change.of(9, 0).band());
        assertEquals("large fall", Change.of(10, 0).band());
        assertEquals("new activity", Change.of(0, 12).band());
        assertNull(Change.of(0, 12).percent());
        assertEquals("too few to compare", Change.of(0, 0).band());
    }

    @Test
    void labelsAndValidation() {
        assertEquals("+12.5 %", Change.of(80, 90).percentLabel());
        assertEquals("-50.0 %", Change.of(20, 10).percentLabel());
        assertThrows(IllegalArgumentException.class, () -> new Change(1L, 2L, 3L, null, "x"));
    }

    @Test
    void nothingIsComparedWithAnUncoveredOrUnknownFigure() {
        assertEquals("not covered", Change.of(null, false, 5L, true).band());
        assertEquals("not covered", Change.of(0L, true, null, false).band());
        // an incomplete dataset's sum in an uncovered month is no count to compare with a covered 0
        assertEquals("not covered", Change.of(0L, true, 17L, false).band());
        assertEquals("n/a", Change.of(null, true, 5L, true).band());
        assertEquals(null, Change.of(null, false, 5L, true).difference());
        // a covered month's 0 is a true zero: 0 -> 12 is new activity
        assertEquals("new activity", Change.of(0L, true, 12L, true).band());
    }
}
