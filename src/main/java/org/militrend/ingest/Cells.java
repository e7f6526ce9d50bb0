package org.militrend.ingest;

/** Cell text as a report shows it: short, and storable in any database. */
final class Cells {

    /** How much of a long cell a message quotes. */
    static final int QUOTED_CHARS = 60;

    private Cells() {}

    /** The cell, or its first characters followed by "..." when it is long. */
    static String shorten(String cell) {
        return cell == null || cell.length() <= QUOTED_CHARS ? cell : cell.substring(0, QUOTED_CHARS) + "...";
    }

    /** NUL shown as U+FFFD: PostgreSQL refuses NUL in text, and a report must always be stored. */
    static String printable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
