package org.militrend.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The hand-written source files under src/test/resources/sources, and an XLSX made from a CSV. */
final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/sources/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * The CSV as a workbook with one sheet, as the GTD ships it: the given columns as number
     * cells (so ids and counts arrive as numbers, as in the GTD's own file), the rest as text.
     */
    static byte[] xlsxOf(String csv, Set<String> numericColumns) {
        try (Reader reader = new StringReader(csv);
                CSVParser parser = CSVFormat.RFC4180.parse(reader);
                XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Data");
            List<CSVRecord> records = parser.getRecords();
            List<String> header = records.get(0).toList();
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.createRow(r);
                CSVRecord record = records.get(r);
                for (int c = 0; c < record.size(); c++) {
                    String v = record.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (r > 0 && numericColumns.contains(header.get(c))) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
