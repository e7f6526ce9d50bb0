package org.militrend.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells of every CSV export: OWASP's rule against formula injection, numbers as they are. */
@Tag("no-db")
class CsvTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"http://evil.example\",\"click\")",
                "=cmd|' /C calc'!A0",
                "+1+1",
                "-2+3+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0",
                "\t=1+1",
                "\r=1+1",
                "-",
                "=",
            })
    void textThatASpreadsheetWouldRunGetsALeadingQuote(String text) {
        assertEquals("'" + text, Csv.cell(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bannu", "", "'quoted", " =1", "1+1", "TTP", "2017-03-01", "D.I. Khan"})
    void otherTextIsUntouched(String text) {
        assertEquals(text, Csv.cell(text));
        assertEquals(text, Csv.unneutralized(text));
    }

    @Test
    void quotesBeforeAFormulaGetOneMoreSoThatTheImportCanUndoExactlyIt() {
        assertEquals("''=already quoted", Csv.cell("'=already quoted"));
        assertEquals("'=already quoted", Csv.unneutralized("''=already quoted"));
        assertEquals("=x", Csv.unneutralized("'=x"));
        assertEquals("'''@x", Csv.cell("''@x"));
        // a quote before a number: the export adds one, the import takes one, a lone one stays
        assertEquals("''-3.5", Csv.cell("'-3.5"));
        assertEquals("'-3.5", Csv.unneutralized("''-3.5"));
        assertEquals("'-3.5", Csv.unneutralized("'-3.5"));
    }

    /** Seeded random text over the characters that matter: the import gets back what was exported. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void importingAnExportedCellGivesBackTheText(long seed) {
        Random random = new Random(seed);
        String alphabet = "'=+-@\t\r1.5eE a,\"";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            assertEquals(t, Csv.unneutralized(Csv.cell(t)), "'" + t + "'");
        }
    }

    @Test
    void numbersAreUntouched() {
        assertEquals("-3.5", Csv.cell(-3.5));
        assertEquals("-12", Csv.cell(-12L));
        assertEquals("-7", Csv.cell(-7));
        assertEquals("0.1", Csv.cell(0.1));
        assertEquals("1000000", Csv.cell(1e6));
        assertEquals("", Csv.cell(Double.NaN));
        assertEquals("", Csv.cell(null));
        // a number already printed as text (the place lists format their figures first)
        assertEquals("-3.5", Csv.cell("-3.5"));
        assertEquals("+4", Csv.cell("+4"));
        assertEquals("-1.5E-7", Csv.cell("-1.5E-7"));
    }

    @Test
    void aWholeDocumentNeutralizesEveryTextCell() throws Exception {
        String csv = Csv.write(
                List.of("name", "value"),
                List.of(
                        Arrays.asList("=1+1", -2.5),
                        Arrays.asList("@x", null),
                        Arrays.asList("\tx", 3L),
                        Arrays.asList("a\r\n=b", 4L)));
        List<List<String>> read = CSVFormat.RFC4180.parse(new StringReader(csv)).stream()
                .map(CSVRecord::toList)
                .toList();
        assertEquals(
                List.of(
                        List.of("name", "value"),
                        List.of("'=1+1", "-2.5"),
                        List.of("'@x", ""),
                        List.of("'\tx", "3"),
                        List.of("a\r\n=b", "4")),
                read);
    }
}
