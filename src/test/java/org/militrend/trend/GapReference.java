package org.militrend.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly series with a coverage gap (src/test/resources/reference/gap/gap36.csv: 2019-01 ..
 * 2021-12, 2020-03 .. 2020-08 not covered) and R's figures for it (gap36.R.csv, made by
 * src/test/r/gap-trend.R): the fit on the covered months at their true places in time.
 */
record GapReference(List<String> periods, long[] counts, boolean[] covered, Map<String, Double> r) {

    static final double RELATIVE = 1e-9;

    static GapReference load() {
        List<String> periods = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Boolean> covered = new ArrayList<>();
        List<String> lines = lines("/reference/gap/gap36.csv");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            periods.add(cells[0]);
            counts.add(Long.parseLong(cells[1]));
            covered.add(Boolean.parseBoolean(cells[2]));
        }
        Map<String, Double> r = new LinkedHashMap<>();
        List<String> rLines = lines("/reference/gap/gap36.R.csv");
        for (String line : rLines.subList(1, rLines.size())) {
            String[] cells = line.split(",");
            r.put(cells[0], Double.parseDouble(cells[1]));
        }
        boolean[] c = new boolean[covered.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = covered.get(i);
        }
        return new GapReference(
                periods, counts.stream().mapToLong(Long::longValue).toArray(), c, r);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = GapReference.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The covered periods, their counts and positions, as the service builds them. */
    TrendSeries coveredSeries() {
        List<String> kept = new ArrayList<>();
        List<String> left = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<Integer> time = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (covered[i]) {
                kept.add(periods.get(i));
                values.add(counts[i]);
                time.add(i);
            } else {
                left.add(periods.get(i));
            }
        }
        return new TrendSeries(
                kept,
                values.stream().mapToLong(Long::longValue).toArray(),
                time.stream().mapToInt(Integer::intValue).toArray(),
                periods.get(0),
                left);
    }

    /** Every figure R gives, against the /trends body (JSON). */
    void compare(JsonNode api) {
        TrendSeries s = coveredSeries();
        assertEquals(s.periods(), strings(api.get("periods")), "covered periods");
        assertEquals(s.uncoveredPeriods(), strings(api.get("uncoveredPeriods")), "uncoveredPeriods");
        for (int i = 0; i < s.counts().length; i++) {
            assertEquals(s.counts()[i], api.get("observed").get(i).longValue(), "observed " + i);
        }
        close(api, "/linear/intercept", "ols.intercept");
        close(api, "/linear/slope", "ols.slope");
        close(api, "/linear/slopeStdErr", "ols.slope_se");
        close(api, "/linear/pValue", "ols.p_value");
        close(api, "/linear/rSquared", "ols.r_squared");
        close(api, "/linear/slopeCi95/0", "ols.slope_ci95_lower");
        close(api, "/linear/slopeCi95/1", "ols.slope_ci95_upper");
        close(api, "/poisson/intercept", "poisson.intercept");
        close(api, "/poisson/slope", "poisson.slope");
        close(api, "/poisson/interceptStdErr", "poisson.intercept_se");
        close(api, "/poisson/slopeStdErr", "poisson.slope_se");
        close(api, "/poisson/deviance", "poisson.deviance");
        close(api, "/poisson/nullDeviance", "poisson.null_deviance");
        close(api, "/poisson/aic", "poisson.aic");
        close(api, "/poisson/dispersion", "poisson.dispersion");
        close(api, "/poisson/quasiSlopeStdErr", "poisson.quasi_slope_se");
        close(api, "/poisson/rateRatioPer12/estimate", "poisson.rate_ratio_12m");
        close(api, "/poisson/rateRatioPer12/ci95/0", "poisson.rate_ratio_12m_lower");
        close(api, "/poisson/rateRatioPer12/ci95/1", "poisson.rate_ratio_12m_upper");
        for (int i = 0; i < s.counts().length; i++) {
            close(api, "/poisson/fitted/" + i, "poisson.fitted." + i);
        }
        assertTrue(r.get("negbin.overdispersion_score") <= 0, "the reference series is not overdispersed");
        assertTrue(api.get("negativeBinomial").isNull(), "theta is infinite: no NB fit");
        close(api, "/mannKendall/s", "mann_kendall.S");
        close(api, "/mannKendall/varS", "mann_kendall.varS");
        close(api, "/mannKendall/z", "mann_kendall.z");
        close(api, "/mannKendall/pValue", "mann_kendall.p_value");
        close(api, "/mannKendall/tau", "mann_kendall.tau");
        close(api, "/sensSlope/slope", "sens_slope.slope");
        close(api, "/sensSlope/ci95/0", "sens_slope.ci95_lower");
        close(api, "/sensSlope/ci95/1", "sens_slope.ci95_upper");
        close(api, "/changePoint/k", "pettitt.K");
        close(api, "/changePoint/pValue", "pettitt.p_value");
        int k = r.get("pettitt.k").intValue(); // 1-based: the last covered period before the change
        assertEquals(
                s.periods().get(k - 1), api.at("/changePoint/lastPeriodBefore").textValue());
        assertEquals(s.periods().get(k), api.at("/changePoint/firstPeriodAfter").textValue());
        assertEquals(6, api.get("forecast").size(), "forecast length");
        for (int h = 1; h <= 6; h++) {
            int t = r.get("forecast." + h + ".t").intValue();
            String period = YearMonth.parse(periods.get(0)).plusMonths(t).toString();
            assertEquals(period, api.at("/forecast/" + (h - 1) + "/period").textValue(), "forecast period " + h);
            close(api, "/forecast/" + (h - 1) + "/mean", "forecast." + h + ".mean");
            close(api, "/forecast/" + (h - 1) + "/lower", "forecast." + h + ".lower");
            close(api, "/forecast/" + (h - 1) + "/upper", "forecast." + h + ".upper");
        }
    }

    private void close(JsonNode api, String pointer, String key) {
        double expected = r.get(key);
        JsonNode node = api.at(pointer);
        assertTrue(node.isNumber(), pointer + " is not a number: " + node);
        double actual = node.doubleValue();
        assertEquals(expected, actual, RELATIVE * Math.abs(expected) + 1e-15, pointer + " vs R " + key);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }
}
