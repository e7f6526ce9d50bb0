package org.militrend.rollup;

import java.util.Random;

/**
 * Seeded random rows of the native format, holding the columns the rollups group by and sum:
 * places (some known only to their province), event types, actors, every date precision, and
 * counts that are unknown about a third of the time. The tests' vocabularies differ; the draw
 * order is fixed, so a seed always gives the same rows.
 *
 * @param places province and district pairs; a blank district keeps the row at province level
 */
record RandomNativeRows(String[][] places, String[] types, String[] actors, String[] precisions) {

    static final String HEADER = "external_id,date,date_precision,province,district,event_type,actor,"
            + "killed,killed_civilians,killed_security_forces,killed_militants,injured";

    /** One row keyed {@code key}, dated within {@code years} years from {@code firstYear}. */
    String row(Random random, String key, int firstYear, int years) {
        String[] place = places[random.nextInt(places.length)];
        return String.join(
                ",",
                key,
                date(random, firstYear, years),
                precision(random),
                place[0],
                place[1],
                types[random.nextInt(types.length)],
                actors[random.nextInt(actors.length)],
                count(random),
                count(random),
                count(random),
                count(random),
                count(random));
    }

    String precision(Random random) {
        return precisions[random.nextInt(precisions.length)];
    }

    static String date(Random random, int firstYear, int years) {
        return String.format(
                "%d-%02d-%02d", firstYear + random.nextInt(years), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    /** Blank (unknown) about a third of the time. */
    static String count(Random random) {
        return random.nextInt(3) == 0 ? "" : Integer.toString(random.nextInt(9));
    }
}
