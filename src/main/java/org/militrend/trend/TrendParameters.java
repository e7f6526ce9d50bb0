package org.militrend.trend;

import java.util.Locale;
import org.militrend.aggregate.Dimension;
import org.militrend.aggregate.Metric;
import org.militrend.common.ProblemException;
import org.militrend.incident.Periods.Granularity;

/** Parses the query parameters of /trends and /hotspots; every mistake is a 400 naming the parameter. */
final class TrendParameters {

    static final int DEFAULT_FORECAST = 6;
    static final int MAX_FORECAST = 60;

    private TrendParameters() {}

    static Metric metric(String value) {
        if (value == null || value.isBlank()) {
            return Metric.INCIDENTS;
        }
        return Metric.parse(value)
                .orElseThrow(() -> ProblemException.badParameter(
                        "metric",
                        value,
                        "unknown metric; use incidents, killed, injured, casualties, killedCivilians,"
                                + " killedSecurityForces or killedMilitants"));
    }

    static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.MONTH;
        }
        return Granularity.parse(value)
                .orElseThrow(() -> ProblemException.badParameter(
                        "granularity", value, "'granularity' must be month, quarter, year or week"));
    }

    static Dimension by(String value) {
        if (value == null || value.isBlank()) {
            return Dimension.DISTRICT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "district" -> Dimension.DISTRICT;
            case "province" -> Dimension.PROVINCE;
            default -> throw ProblemException.badParameter("by", value, "'by' must be district or province");
        };
    }

    /** "current" (true) or "whole" (false) for {@code forecastFrom} and {@code regime}. */
    static boolean current(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case TrendRequest.CURRENT -> true;
            case TrendRequest.WHOLE -> false;
            default -> throw ProblemException.badParameter(name, value, "'" + name + "' must be whole or current");
        };
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(
                    name, value, "'" + name + "' must be a whole number between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw ProblemException.badParameter(name, value, "'" + name + "' must be between " + min + " and " + max);
        }
        return v;
    }
}
