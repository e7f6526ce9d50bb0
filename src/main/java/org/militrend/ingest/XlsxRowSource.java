package org.militrend.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook as a {@link RowSource}, through POI's event (SAX) API: the
 * sheet is parsed as a stream of cells and never loaded as a workbook. Numbers come as a
 * spreadsheet shows them in the General format (201401010001, 3, 33.59), date cells as ISO
 * dates. The first non-empty row is the header.
 */
final class XlsxRowSource implements RowSource {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final Path file;

    XlsxRowSource(Path file) {
        this.file = file;
    }

    /**
     * Whether a file is an XLSX workbook (a ZIP container), by its first bytes. Only a regular file
     * can be one: POI reads a workbook by random access, while a stream (a pipe the command line
     * reads) can be read once only, so it is taken as CSV without a look at its first bytes.
     */
    static boolean isXlsx(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        }
    }

    @Override
    public void read(Sink sink) throws IOException, SQLException, Unreadable {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Unreadable(1, "the workbook has no sheet");
            }
            Rows rows = new Rows(sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDateFormatter(), false));
                parser.parse(new InputSource(sheet));
            } catch (Stop stop) {
                if (stop.getCause() instanceof SQLException e) {
                    throw e;
                }
            }
            if (!rows.headerSeen) {
                sink.header(List.of());
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof Stop) {
                throw (Stop) e;
            }
            throw new Unreadable(1, "the file is not a readable XLSX workbook: " + e.getMessage());
        }
    }

    /** Carries the sink's decision to stop, or its database failure, out of the SAX parser. */
    private static final class Stop extends RuntimeException {
        Stop(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Sink sink;
        private final List<String> cells = new ArrayList<>();
        private Map<String, Integer> columns;
        private int width;
        private boolean headerSeen;

        Rows(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                columns = new HashMap<>();
                List<String> names = new ArrayList<>(cells.size());
                for (int i = 0; i < cells.size(); i++) {
                    String name = cells.get(i) == null ? "" : cells.get(i);
                    names.add(name);
                    columns.putIfAbsent(name, i);
                }
                width = names.size();
                if (!sink.header(names)) {
                    throw new Stop(null);
                }
                return;
            }
            // a sheet leaves trailing blank cells out; they are blank cells, not a short row
            while (cells.size() < width) {
                cells.add(null);
            }
            try {
                sink.row(new SourceRow(rowNum + 1L, columns, cells.toArray(String[]::new)));
            } catch (SQLException e) {
                throw new Stop(e);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int col = new CellReference(reference).getCol();
            while (cells.size() < col) {
                cells.add(null);
            }
            cells.add(value);
        }
    }

    /** General numbers without grouping or exponent, and dates as ISO dates (not the sheet's m/d/yy). */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateTimeFormatter.ISO_LOCAL_DATE.format(DateUtil.getLocalDateTime(value));
            }
            if (formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
                // Excel's General shows 201401010001 as 2.01401E+11: an id must keep its digits
                return new BigDecimal(Double.toString(value))
                        .stripTrailingZeros()
                        .toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
