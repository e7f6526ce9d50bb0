import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes N synthetic Pakistani incidents in the Global Terrorism Database's layout, three times:
 * as a GTD-style .xlsx (one sheet; numbers as number cells, text as inline strings, as Excel and
 * POI's streaming writer store them), as the GTD's CSV export, and as a native CSV of the same
 * rows (the reference the benchmark compares with). Deterministic (seed 20261130). Run with the
 * JDK's single-file launcher, no dependencies:
 *
 * <pre>java src/bench/GenerateGtdWorkbook.java 500000 target/bench/gtd-500000</pre>
 *
 * writes target/bench/gtd-500000.xlsx, .csv and -native.csv.
 */
public class GenerateGtdWorkbook {

    static final String[] HEADER = {
        "eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country", "country_txt", "region",
        "region_txt", "provstate", "city", "latitude", "longitude", "specificity", "summary", "doubtterr", "suicide",
        "attacktype1", "attacktype1_txt", "targtype1", "targtype1_txt", "target1", "gname", "weaptype1",
        "weaptype1_txt", "nkill", "nkillter", "nwound", "dbsource"
    };
    /** Columns written as number cells. */
    static final boolean[] NUMERIC = new boolean[HEADER.length];

    static {
        for (String n : List.of(
                "eventid", "iyear", "imonth", "iday", "extended", "country", "region", "latitude", "longitude",
                "specificity", "doubtterr", "suicide", "attacktype1", "targtype1", "weaptype1", "nkill", "nkillter",
                "nwound")) {
            NUMERIC[List.of(HEADER).indexOf(n)] = true;
        }
    }

    static final String[][] PLACES = {
        {"Khyber Pakhtunkhwa", "Peshawar", "34.0080", "71.5785"},
        {"Khyber Pakhtunkhwa", "Bannu", "32.9889", "70.6056"},
        {"Khyber Pakhtunkhwa", "Dera Ismail Khan", "31.8314", "70.9019"},
        {"Federally Administered Tribal Areas", "Miranshah", "33.0005", "70.0714"},
        {"Federally Administered Tribal Areas", "Wana", "32.2989", "69.5725"},
        {"Federally Administered Tribal Areas", "Parachinar", "33.8992", "70.1008"},
        {"Khyber Pakhtunkhwa", "Mingora", "34.7717", "72.3600"},
        {"Balochistan", "Quetta", "30.1841", "67.0014"},
        {"Balochistan", "Turbat", "26.0031", "63.0544"},
        {"Sindh", "Karachi", "24.8915", "67.0430"},
        {"Punjab", "Lahore", "31.5497", "74.3436"},
        {"Islamabad Capital Territory", "Islamabad", "33.6844", "73.0479"},
    };
    static final String[][] ATTACKS = {
        {"3", "Bombing/Explosion", "6", "Explosives"},
        {"2", "Armed Assault", "5", "Firearms"},
        {"1", "Assassination", "5", "Firearms"},
        {"6", "Hostage Taking (Kidnapping)", "13", "Unknown"},
        {"7", "Facility/Infrastructure Attack", "8", "Incendiary"},
    };
    static final String[][] TARGETS = {
        {"3", "Police"}, {"4", "Military"}, {"14", "Private Citizens & Property"}, {"2", "Government (General)"}
    };
    static final String[] GROUPS = {
        "Tehrik-i-Taliban Pakistan (TTP)", "Baloch Liberation Army (BLA)", "Lashkar-e-Jhangvi", "Unknown"
    };

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path base = Path.of(args[1]);
        if (base.getParent() != null) {
            Files.createDirectories(base.getParent());
        }
        Random random = new Random(20261130);
        LocalDate start = LocalDate.of(2000, 1, 1);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(Path.of(base + ".xlsx")));
                Writer csv = Files.newBufferedWriter(Path.of(base + ".csv"), StandardCharsets.UTF_8);
                Writer nat = Files.newBufferedWriter(Path.of(base + "-native.csv"), StandardCharsets.UTF_8)) {
            zip.setLevel(6);
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                    + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                    + "<borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                    + "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
                    + "</styleSheet>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = new BufferedWriter(new OutputStreamWriter(new NoClose(zip), StandardCharsets.UTF_8), 1 << 16);
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            row(sheet, csv, 1, HEADER, true);
            nat.write("external_id,date,date_precision,province,district,location,latitude,longitude,event_type,actor,"
                    + "target,killed,killed_militants,injured,source,notes,category\n");
            for (int i = 0; i < n; i++) {
                LocalDate d = start.plusDays(random.nextInt(365 * 24));
                String[] p = PLACES[random.nextInt(PLACES.length)];
                String[] a = ATTACKS[random.nextInt(ATTACKS.length)];
                String[] t = TARGETS[random.nextInt(TARGETS.length)];
                boolean suicide = a[0].equals("3") && random.nextInt(8) == 0;
                boolean dayUnknown = random.nextInt(50) == 0;
                int killed = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
                int militants = random.nextInt(Math.max(1, killed / 3 + 1));
                int wounded = random.nextInt(20);
                String id = String.format("%04d%02d%02d%04d", d.getYear(), d.getMonthValue(), dayUnknown ? 0 : d.getDayOfMonth(), i % 10000);
                String eventId = String.valueOf(Long.parseLong(id) * 100 + i / 10000 % 100);
                String summary = d + ": " + a[1] + " against " + t[1].toLowerCase() + " in " + p[1] + ".";
                String[] cells = {
                    eventId, String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()),
                    dayUnknown ? "0" : String.valueOf(d.getDayOfMonth()), dayUnknown ? d.getMonth() + " " + d.getYear() : "",
                    "0", "153", "Pakistan", "6", "South Asia", p[0], p[1], p[2], p[3], "1", summary, "0",
                    suicide ? "1" : "0", a[0], a[1], t[0], t[1], t[1] + " in " + p[1], GROUPS[random.nextInt(GROUPS.length)],
                    a[2], a[3], String.valueOf(killed), String.valueOf(militants), String.valueOf(wounded),
                    "START Primary Collection"
                };
                row(sheet, csv, i + 2, cells, false);
                String date = dayUnknown ? d.withDayOfMonth(1).toString() : d.toString();
                String category = suicide ? "suicide-attack" : switch (a[0]) {
                    case "3" -> "bombing";
                    case "1" -> "targeted-killing";
                    case "6" -> "abduction";
                    default -> "armed-attack";
                };
                nat.write(eventId + "," + date + "," + (dayUnknown ? "month" : "day") + "," + quote(p[0]) + "," + quote(p[1])
                        + "," + quote(p[1]) + "," + p[2] + "," + p[3] + "," + quote(a[1]) + "," + quote(cells[23]) + ","
                        + quote(t[1]) + "," + killed + "," + militants + "," + wounded + ",START Primary Collection,"
                        + quote("summary: " + summary) + "," + category + "\n");
            }
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
        }
    }

    static void row(Writer sheet, Writer csv, int r, String[] cells, boolean header) throws IOException {
        StringBuilder x = new StringBuilder(1024);
        StringBuilder c = new StringBuilder(512);
        x.append("<row r=\"").append(r).append("\">");
        for (int i = 0; i < cells.length; i++) {
            String v = cells[i];
            if (i > 0) {
                c.append(',');
            }
            c.append(quote(v));
            if (v.isEmpty()) {
                continue;
            }
            String ref = column(i) + r;
            if (!header && NUMERIC[i]) {
                x.append("<c r=\"").append(ref).append("\"><v>").append(v).append("</v></c>");
            } else {
                x.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(xml(v)).append("</t></is></c>");
            }
        }
        x.append("</row>");
        sheet.write(x.toString());
        csv.write(c.append("\r\n").toString());
    }

    static String column(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "A" + (char) ('A' + i - 26);
    }

    static String quote(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static String xml(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Lets the sheet's writer be flushed without closing the zip. */
    static final class NoClose extends OutputStream {
        private final OutputStream out;

        NoClose(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }
    }
}
