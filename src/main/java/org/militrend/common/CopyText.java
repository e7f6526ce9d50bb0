package org.militrend.common;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, written straight into one reusable UTF-8 byte buffer:
 * fields separated by tabs, {@code \N} for NULL, one line per row, and in text the characters
 * COPY gives a meaning to escaped. Numbers and dates are written digit by digit, so encoding a
 * row allocates nothing but what the buffer grows by; an import encodes a million rows with it
 * while PostgreSQL takes them on the other core.
 */
public final class CopyText {

    private static final byte[] NULL = {'\\', 'N'};

    private byte[] bytes;
    private int length;

    public CopyText(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    /** Forgets the rows written so far (the buffer is kept). */
    public void clear() {
        length = 0;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** A copy of the rows written so far. */
    public byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * A text field, escaped; null is NULL. Encoded as {@link String#getBytes} would (an unpaired
     * surrogate becomes {@code ?}).
     */
    public CopyText text(String s) {
        if (s == null) {
            return nullField();
        }
        int n = s.length();
        // at most 3 bytes a char: escapes take 2, a char of the BMP 3, a surrogate pair 4 for 2
        room(3 * n + 1);
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> {
                        b[at++] = '\\';
                        b[at++] = '\\';
                    }
                    case '\t' -> {
                        b[at++] = '\\';
                        b[at++] = 't';
                    }
                    case '\n' -> {
                        b[at++] = '\\';
                        b[at++] = 'n';
                    }
                    case '\r' -> {
                        b[at++] = '\\';
                        b[at++] = 'r';
                    }
                    default -> b[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[at++] = '\t';
        length = at;
        return this;
    }

    /** A whole number; null is NULL. */
    public CopyText number(Integer v) {
        return v == null ? nullField() : number(v.longValue());
    }

    public CopyText number(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        room(21);
        byte[] b = bytes;
        int at = length;
        if (v < 0) {
            b[at++] = '-';
            v = -v;
        }
        int first = at;
        do {
            b[at++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = first, j = at - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        b[at++] = '\t';
        length = at;
        return this;
    }

    /** A double in its shortest round-trip digits ({@link Double#toString}); null is NULL. */
    public CopyText decimal(Double v) {
        return v == null ? nullField() : ascii(Double.toString(v));
    }

    /** An ISO-8601 date, as {@link LocalDate#toString}; null is NULL. */
    public CopyText date(LocalDate d) {
        if (d == null) {
            return nullField();
        }
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return ascii(d.toString());
        }
        room(11);
        byte[] b = bytes;
        int at = length;
        at = digits(b, at, year, 4);
        b[at++] = '-';
        at = digits(b, at, d.getMonthValue(), 2);
        b[at++] = '-';
        at = digits(b, at, d.getDayOfMonth(), 2);
        b[at++] = '\t';
        length = at;
        return this;
    }

    /** A field already encoded, escapes included (a value written on every row, encoded once). */
    public CopyText encoded(byte[] field) {
        room(field.length + 1);
        System.arraycopy(field, 0, bytes, length, field.length);
        length += field.length;
        bytes[length++] = '\t';
        return this;
    }

    /** Ends the row: its last field's tab becomes the line end. */
    public void endRow() {
        bytes[length - 1] = '\n';
    }

    /** The bytes of a value that needs no escape (digits, ISO instants), for {@link #encoded}. */
    public static byte[] plain(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private CopyText nullField() {
        return encoded(NULL);
    }

    /** Text without any character COPY interprets (digits, signs, letters, dots). */
    private CopyText ascii(String s) {
        int n = s.length();
        room(n + 1);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        bytes[length++] = '\t';
        return this;
    }

    /** Writes {@code v} (0 <= v) zero-padded to {@code width} digits; returns the next index. */
    private static int digits(byte[] b, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + width;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
