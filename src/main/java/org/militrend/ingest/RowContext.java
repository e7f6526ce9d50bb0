package org.militrend.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cells of one row being read: parses them with the caveats of real data and collects the
 * warnings (value read with a caveat) and errors (row rejected), each naming line, column and
 * value.
 */
final class RowContext {

    private static final Pattern LOWER_BOUND = Pattern.compile("(\\d{1,9})\\s*\\+");
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("(\\d{1,9})\\.0+");

    final long line;
    final List<ImportMessage> warnings = new ArrayList<>(2);
    final List<ImportMessage> errors = new ArrayList<>(1);

    RowContext(long line) {
        this.line = line;
    }

    void warn(String column, String value, String message) {
        warnings.add(new ImportMessage(line, column, value, message));
    }

    void error(String column, String value, String message) {
        errors.add(new ImportMessage(line, column, value, message));
    }

    boolean rejected() {
        return !errors.isEmpty();
    }

    /** Trims, folds non-breaking spaces, and returns null for a blank cell. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replace('\u00a0', ' ').strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * A count of people. Blank is unknown (null). {@code 40+} is read as 40 with a warning (a lower
     * bound); anything else that is not a whole number is unknown with a warning. A negative
     * number rejects the row.
     */
    Integer count(String column, String raw) {
        String v = clean(raw);
        if (v == null || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("N/A")) {
            return null;
        }
        Integer plain = plainCount(v);
        if (plain != null) {
            return plain;
        }
        Matcher whole = WHOLE_DECIMAL.matcher(v);
        if (whole.matches()) {
            return Integer.valueOf(whole.group(1));
        }
        Matcher bound = LOWER_BOUND.matcher(v);
        if (bound.matches()) {
            int n = Integer.parseInt(bound.group(1));
            warn(column, raw, "'" + v + "' read as " + n + " (the source gives a lower bound)");
            return n;
        }
        if (v.matches("-\\d+")) {
            error(column, raw, "a count cannot be negative");
            return null;
        }
        warn(column, raw, "not a count; read as unknown");
        return null;
    }

    /**
     * The value of {@code [+]?[0-9]{1,9}}, null for anything else: what nearly every cell holds,
     * read without a regular expression.
     */
    private static Integer plainCount(String v) {
        int from = v.charAt(0) == '+' ? 1 : 0;
        int digits = v.length() - from;
        if (digits < 1 || digits > 9) {
            return null;
        }
        int n = 0;
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * A cell holding one of the source's codes, read through {@code codes}: a blank cell is
     * {@code otherwise}, and so is an unknown code, with the warning {@code unknown}.
     */
    <T> T coded(String column, String raw, Map<String, T> codes, T otherwise, String unknown) {
        String v = clean(raw);
        if (v == null) {
            return otherwise;
        }
        T value = codes.get(v);
        if (value == null) {
            warn(column, raw, unknown);
            return otherwise;
        }
        return value;
    }

    /** A decimal number within [min, max]; anything else is unknown with a warning. */
    Double decimal(String column, String raw, double min, double max) {
        String v = clean(raw);
        if (v == null || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("N/A")) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v.replace(" ", ""));
        } catch (NumberFormatException e) {
            warn(column, raw, "not a number; read as unknown");
            return null;
        }
        if (!Double.isFinite(d) || d < min || d > max) {
            warn(column, raw, String.format(Locale.ROOT, "outside [%s, %s]; read as unknown", min, max));
            return null;
        }
        if (!v.equals(raw)) {
            // a non-breaking space or padding is harmless, but worth knowing about
            warn(column, raw, "stray spaces removed");
        }
        return d;
    }

    /** Text, cut to the column's width with a warning. */
    String text(String column, String raw, int max) {
        String v = clean(raw);
        if (v != null && v.length() > max) {
            warn(column, v.substring(0, 60) + "...", "longer than " + max + " characters; cut");
            return v.substring(0, max);
        }
        return v;
    }
}
