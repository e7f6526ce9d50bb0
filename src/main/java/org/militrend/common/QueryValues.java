package org.militrend.common;

import java.util.Locale;

/** Values of query parameters that several endpoints share, parsed one way everywhere. */
public final class QueryValues {

    private QueryValues() {}

    /** true/1/yes or false/0/no (any case); blank is false; anything else a 400 naming the parameter. */
    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.badParameter(name, value, "'" + name + "' must be true or false");
        };
    }
}
