package org.militrend.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * COPY rows written byte by byte are the bytes of the same row built as a string (escapes for
 * backslash, tab, newline and carriage return, {@code \N} for NULL, numbers and dates through
 * their {@code toString}) and encoded with {@link String#getBytes}: over seeded random text with
 * every kind of character, unpaired surrogates included.
 */
@Tag("no-db")
class CopyTextTest {

    private static final char[] ALPHABET = {
        'a', 'Z', '0', ' ', '\\', '\t', '\n', '\r', 'N', '\'', '"', ',', '\u00e9', '\u0628', '\u06cc', '\u2014',
        '\u7206', '\uffff', '\u0001', '\u007f', '\u0080', '\u07ff', '\u0800'
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261130})
    void randomRowsEncodeAsTheirStringWould(long seed) {
        Random random = new Random(seed);
        CopyText text = new CopyText(16);
        StringBuilder expected = new StringBuilder();
        for (int row = 0; row < 300; row++) {
            int fields = 1 + random.nextInt(8);
            for (int f = 0; f < fields; f++) {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        String s = randomText(random);
                        text.text(s);
                        expected.append(escaped(s));
                    }
                    case 1 -> {
                        long n = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(2000) - 1000;
                        text.number(n);
                        expected.append(n);
                    }
                    case 2 -> {
                        Integer n = random.nextBoolean() ? null : random.nextInt();
                        text.number(n);
                        expected.append(n == null ? "\\N" : n.toString());
                    }
                    case 3 -> {
                        Double d = random.nextBoolean() ? null : (random.nextDouble() - 0.5) * 400;
                        text.decimal(d);
                        expected.append(d == null ? "\\N" : d.toString());
                    }
                    default -> {
                        LocalDate d = random.nextInt(6) == 0
                                ? null
                                : LocalDate.ofEpochDay(random.nextInt(4_000_000) - 2_000_000);
                        text.date(d);
                        expected.append(d == null ? "\\N" : d.toString());
                    }
                }
                expected.append(f == fields - 1 ? '\n' : '\t');
            }
            text.endRow();
        }
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), text.toBytes());
    }

    @Test
    void extremesNullsAndEncodedFields() {
        CopyText text = new CopyText(1);
        text.number(Long.MIN_VALUE)
                .number(Long.MAX_VALUE)
                .number(0)
                .number(-7)
                .text(null)
                .text("")
                .date(LocalDate.of(999, 1, 2))
                .date(LocalDate.of(12345, 6, 7))
                .encoded(CopyText.plain("2026-11-30T21:30:00.123456Z"))
                .text("\ud83d\ude00 \ud83d x \ude00");
        text.endRow();
        assertEquals(
                "-9223372036854775808\t9223372036854775807\t0\t-7\t\\N\t\t0999-01-02\t+12345-06-07\t"
                        + "2026-11-30T21:30:00.123456Z\t\ud83d\ude00 ? x ?\n",
                new String(text.toBytes(), StandardCharsets.UTF_8));
        text.clear();
        assertEquals(0, text.toBytes().length);
    }

    private static String randomText(Random random) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                s.append("\ud83d\ude00");
            } else if (kind == 1) {
                s.append(random.nextBoolean() ? '\ud83d' : '\ude00');
            } else {
                s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        return s.toString();
    }

    /** The field as the writer built it before: escaped text, or \N. */
    private static String escaped(String s) {
        if (s == null) {
            return "\\N";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
