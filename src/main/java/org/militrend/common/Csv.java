package org.militrend.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Content negotiation and writing for the CSV form of every list (contract: "Conventions"). */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    public static final String MEDIA_TYPE_UTF8 = "text/csv; charset=UTF-8";

    /**
     * The response header every CSV carries with the credit of the data behind it, since a CSV has
     * no place for the JSON answer's {@code attribution}.
     */
    public static final String ATTRIBUTION_HEADER = "X-Attribution";

    private Csv() {}

    /**
     * The value of {@link #ATTRIBUTION_HEADER}: the credits joined by " | ", folded to printable
     * ASCII (accents stripped, typographic quotes and dashes made plain, anything else dropped)
     * because HTTP header values are not UTF-8.
     */
    public static String attribution(List<String> credits) {
        String joined = String.join(" | ", credits);
        String folded = Normalizer.normalize(joined, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[\u2018\u2019\u201a\u2032]", "'")
                .replaceAll("[\u201c\u201d\u201e\u2033]", "\"")
                .replaceAll("[\u2010-\u2015]", "-")
                .replaceAll("\\s+", " ");
        return folded.replaceAll("[^\\x20-\\x7e]", "").strip();
    }

    /** True for {@code format=csv}, or an Accept header that prefers text/csv to JSON. */
    public static boolean wanted(HttpHeaders headers, String format) {
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (f.equals("csv")) {
                return true;
            }
            if (f.equals("json")) {
                return false;
            }
            throw ProblemException.badParameter("format", format, "'format' must be 'json' or 'csv'");
        }
        List<MediaType> accept = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        for (MediaType m : accept) {
            if (m.isCompatible(MediaType.valueOf(MEDIA_TYPE)) && !m.isWildcardType()) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()) {
                return false;
            }
        }
        return false;
    }

    /** RFC 4180 CSV with LF line ends: the format of every CSV answer, header aside. */
    public static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    /** A printer for RFC 4180 CSV with the given header line. */
    public static CSVPrinter printer(Writer out, List<String> header) {
        try {
            return FORMAT.builder()
                    .setHeader(header.toArray(String[]::new))
                    .get()
                    .print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell: null is an empty cell; a number prints as itself (a double without exponent or
     * trailing zeros); text is {@link #neutralized} against formula injection.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.isFinite(d)
                    ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                    : "";
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return neutralized(value.toString());
    }

    /**
     * Text that a spreadsheet would run as a formula (it begins with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return) gets a leading single quote, OWASP's rule
     * against CSV injection: {@code =HYPERLINK(...)} shows as text instead of becoming a link. A
     * plain number ({@code -3.5}, already printed) is left as it is. Text that already begins with
     * quotes before such a character ({@code '=x}) gets one more, so that {@link #unneutralized}
     * can undo exactly what was added and an exported file re-imports unchanged.
     */
    public static String neutralized(String text) {
        return needsQuote(text) ? "'" + text : text;
    }

    /**
     * The inverse of {@link #neutralized}: drops the one leading quote that it adds, and only
     * that one ({@code '=x} becomes {@code =x}, {@code ''=x} becomes {@code '=x}; {@code 'abc}
     * and {@code '-3.5} stay as they are, since no export writes them from other text).
     */
    public static String unneutralized(String cell) {
        return cell != null && cell.startsWith("'") && needsQuote(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsQuote(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length()
                && FORMULA_START.indexOf(text.charAt(i)) >= 0
                && !PLAIN_NUMBER.matcher(text).matches();
    }

    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /** A whole CSV document: the header line, then one line per row. */
    public static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = printer(out, header)) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
