package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * R's regimes of one series ({@code src/test/resources/reference/segments/NAME.R.json}, written by
 * {@code src/test/r/segments.R}) and their comparison with {@link Regimes} and with the {@code
 * segments} / {@code current} sections of a {@code /trends} answer: positions exactly, every number
 * to 1e-9 relative (p-values below 1e-12 to 1e-15 absolute).
 */
public record SegmentReference(String name, String granularity, List<String> periods, long[] counts, JsonNode r) {

    /** Every series the R script writes. */
    public static final List<String> NAMES = List.of(
            "a_short24",
            "b_shift120",
            "d_seasonal60",
            "pbc_killed_year",
            "pbc_incidents_year",
            "pbc_killed_month",
            "pbc_incidents_month");

    static final double REL = 1e-9;
    static final double TINY_P = 1e-12;
    static final double TINY_P_ABS = 1e-15;

    public static SegmentReference load(String name) {
        try (InputStream in = SegmentReference.class.getResourceAsStream("/reference/segments/" + name + ".R.json")) {
            assertNotNull(in, "no reference file for " + name);
            JsonNode r = new ObjectMapper().readTree(in);
            List<String> periods = new ArrayList<>();
            r.at("/input/periods").forEach(p -> periods.add(p.textValue()));
            long[] counts = new long[periods.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = r.at("/input/counts").get(i).longValue();
            }
            return new SegmentReference(name, r.at("/input/granularity").textValue(), List.copyOf(periods), counts, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    public SegmentationRule rule() {
        return switch (granularity) {
            case "month" -> SegmentationRule.MONTH;
            case "quarter" -> SegmentationRule.QUARTER;
            case "year" -> SegmentationRule.YEAR;
            default -> SegmentationRule.WEEK;
        };
    }

    public double[] countsAsDoubles() {
        double[] out = new double[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }

    /** The number of segments R found. */
    public int segmentCount() {
        return r.get("segments").size();
    }

    // ------------------------------------------------------------------ the Java API

    /** Splits, segments, every segment's Poisson fit, the current NB2 fit and forecast. */
    public void compare(Regimes got) {
        assertEquals(rule(), got.rule(), name + " rule");
        assertEquals(r.at("/input/min_segment_periods").intValue(), got.rule().minSegmentPeriods());
        JsonNode splits = r.get("splits");
        assertEquals(splits.size(), got.splits().size(), name + " number of splits");
        for (int i = 0; i < splits.size(); i++) {
            JsonNode s = splits.get(i);
            Split g = got.splits().get(i);
            String at = name + " splits[" + i + "]";
            assertEquals(s.get("order").intValue(), g.order(), at + " order");
            assertEquals(s.get("segment_first").intValue(), g.segmentFirst(), at + " segment_first");
            assertEquals(s.get("segment_last").intValue(), g.segmentLast(), at + " segment_last");
            assertEquals(s.get("first_index_after").intValue(), g.firstIndexAfter(), at + " first_index_after");
            close(at + " K", s.get("K"), g.k());
            closeP(at + " p", s.get("p_value"), g.pValue());
        }
        JsonNode segments = r.get("segments");
        assertEquals(segments.size(), got.segments().size(), name + " number of segments");
        for (int i = 0; i < segments.size(); i++) {
            JsonNode s = segments.get(i);
            RegimeFit g = got.segments().get(i);
            String at = name + " segments[" + i + "]";
            assertEquals(s.get("first").intValue(), g.segment().first(), at + " first");
            assertEquals(s.get("last").intValue(), g.segment().last(), at + " last");
            assertEquals(s.get("periods").intValue(), g.segment().periods(), at + " periods");
            close(at + " mean", s.get("mean"), g.segment().mean());
            assertEquals(s.get("verdict").textValue(), g.verdict().label(), at + " verdict");
            JsonNode p = s.get("poisson");
            if (p == null || p.isNull()) {
                assertTrue(g.poisson() == null && g.rateRatioPerYear() == null, at + ": R has no Poisson fit");
                continue;
            }
            PoissonTrendResult gp = g.poisson();
            assertNotNull(gp, at + " Poisson fit missing: " + g.reason());
            close(at + " intercept", p.get("intercept"), gp.intercept());
            close(at + " slope", p.get("slope"), gp.slope());
            close(at + " intercept_se", p.get("intercept_se"), gp.interceptStdErr());
            close(at + " slope_se", p.get("slope_se"), gp.slopeStdErr());
            close(at + " deviance", p.get("deviance"), gp.deviance());
            close(at + " null_deviance", p.get("null_deviance"), gp.nullDeviance());
            close(at + " aic", p.get("aic"), gp.aic());
            close(at + " dispersion", p.get("dispersion_pearson"), gp.dispersion());
            close(at + " quasi_slope_se", p.get("quasi_slope_se"), gp.quasiSlopeStdErr());
            closeRateRatio(at + " rate_ratio_12", p.get("rate_ratio_12"), gp.rateRatioPer12());
            closeRateRatio(
                    at + " rate_ratio_year",
                    p.get("rate_ratio_year"),
                    RateRatio.perYear(gp, got.rule()).value());
            closeRateRatio(at + " rate_ratio_year_quasi", s.get("rate_ratio_year_quasi"), g.rateRatioPerYear());
            closeAll(at + " fitted", p.get("fitted"), gp.fittedArray());
            boolean last = i == segments.size() - 1;
            if (last) {
                compareNegbin(at, s.get("negbin"), g.negativeBinomial());
                JsonNode f = p.get("forecast");
                List<ForecastPoint> fc = got.currentForecast();
                assertEquals(f.get("expected").size(), fc.size(), at + " forecast length");
                for (int h = 0; h < fc.size(); h++) {
                    assertEquals(g.segment().last() + 1 + h, fc.get(h).index(), at + " forecast index");
                    close(
                            at + " forecast.expected[" + h + "]",
                            f.get("expected").get(h),
                            fc.get(h).mean());
                    close(
                            at + " forecast.lower[" + h + "]",
                            f.get("ci95_lower").get(h),
                            fc.get(h).lower());
                    close(
                            at + " forecast.upper[" + h + "]",
                            f.get("ci95_upper").get(h),
                            fc.get(h).upper());
                }
            }
        }
    }

    private void compareNegbin(String at, JsonNode nb, NegativeBinomialResult got) {
        if (nb == null || nb.isNull()) {
            assertTrue(got == null, at + ": R has no NB2 fit (theta infinite)");
            return;
        }
        assertNotNull(got, at + ": NB2 fit missing");
        close(at + " nb theta", nb.get("theta"), got.theta());
        close(at + " nb intercept", nb.get("intercept"), got.intercept());
        close(at + " nb slope", nb.get("slope"), got.slope());
        close(at + " nb intercept_se", nb.get("intercept_se"), got.interceptStdErr());
        close(at + " nb slope_se", nb.get("slope_se"), got.slopeStdErr());
    }

    // ------------------------------------------------------------------ the /trends JSON

    /** The {@code segments} and {@code current} sections of a /trends answer for this series. */
    public void compareApi(JsonNode api) {
        String raw = api.toString();
        assertFalse(raw.contains("NaN") || raw.contains("Infinity"), name + ": non-number in the JSON");
        JsonNode observed = api.get("observed");
        assertEquals(counts.length, observed.size(), name + " observed length");
        for (int i = 0; i < counts.length; i++) {
            assertEquals(counts[i], observed.get(i).longValue(), name + " observed[" + i + "]");
            assertEquals(periods.get(i), api.get("periods").get(i).textValue(), name + " periods[" + i + "]");
        }
        JsonNode segments = r.get("segments");
        JsonNode got = api.get("segments");
        assertEquals(segments.size(), got.size(), name + " number of segments");
        for (int i = 0; i < segments.size(); i++) {
            JsonNode s = segments.get(i);
            JsonNode g = got.get(i);
            String at = name + " segments[" + i + "]";
            assertEquals(s.get("from").textValue(), g.get("from").textValue(), at + " from");
            assertEquals(s.get("to").textValue(), g.get("to").textValue(), at + " to");
            assertEquals(s.get("periods").intValue(), g.get("periods").intValue(), at + " periods");
            close(at + " mean", s.get("mean"), number(g, "mean", at));
            JsonNode p = s.get("poisson");
            if (p == null || p.isNull()) {
                assertTrue(g.get("rateRatioPerYear").isNull() && g.get("fitted").isNull(), at + " no fit");
                continue;
            }
            closeRateRatio(at + " rateRatioPerYear", s.get("rate_ratio_year_quasi"), g.get("rateRatioPerYear"));
            closeAll(at + " fitted", p.get("fitted"), doubles(g.get("fitted")));
        }
        JsonNode s = segments.get(segments.size() - 1);
        JsonNode c = api.get("current");
        String at = name + " current";
        assertEquals(s.get("from").textValue(), c.get("from").textValue(), at + " from");
        assertEquals(s.get("to").textValue(), c.get("to").textValue(), at + " to");
        assertEquals(s.get("periods").intValue(), c.get("periods").intValue(), at + " periods");
        assertEquals(s.get("verdict").textValue(), c.get("verdict").textValue(), at + " verdict");
        JsonNode p = s.get("poisson");
        JsonNode cp = c.get("poisson");
        close(at + " poisson.intercept", p.get("intercept"), number(cp, "intercept", at));
        close(at + " poisson.slope", p.get("slope"), number(cp, "slope", at));
        close(at + " poisson.interceptStdErr", p.get("intercept_se"), number(cp, "interceptStdErr", at));
        close(at + " poisson.slopeStdErr", p.get("slope_se"), number(cp, "slopeStdErr", at));
        close(at + " poisson.deviance", p.get("deviance"), number(cp, "deviance", at));
        close(at + " poisson.nullDeviance", p.get("null_deviance"), number(cp, "nullDeviance", at));
        close(at + " poisson.aic", p.get("aic"), number(cp, "aic", at));
        close(at + " poisson.dispersion", p.get("dispersion_pearson"), number(cp, "dispersion", at));
        close(at + " poisson.quasiSlopeStdErr", p.get("quasi_slope_se"), number(cp, "quasiSlopeStdErr", at));
        closeRateRatio(at + " poisson.rateRatioPer12", p.get("rate_ratio_12"), cp.get("rateRatioPer12"));
        closeRateRatio(at + " poisson.rateRatioPerYear", p.get("rate_ratio_year"), cp.get("rateRatioPerYear"));
        closeAll(at + " poisson.fitted", p.get("fitted"), doubles(cp.get("fitted")));
        closeRateRatio(at + " rateRatioPerYear", s.get("rate_ratio_year_quasi"), c.get("rateRatioPerYear"));
        JsonNode nb = s.get("negbin");
        JsonNode cnb = c.get("negativeBinomial");
        if (nb == null || nb.isNull()) {
            assertTrue(cnb.isNull(), at + ": NB2 should be null (theta infinite)");
        } else {
            close(at + " negativeBinomial.theta", nb.get("theta"), number(cnb, "theta", at));
            close(at + " negativeBinomial.intercept", nb.get("intercept"), number(cnb, "intercept", at));
            close(at + " negativeBinomial.slope", nb.get("slope"), number(cnb, "slope", at));
            close(at + " negativeBinomial.slopeStdErr", nb.get("slope_se"), number(cnb, "slopeStdErr", at));
        }
        JsonNode f = p.get("forecast");
        JsonNode cf = c.get("forecast");
        assertEquals(f.get("expected").size(), cf.size(), at + " forecast length");
        for (int h = 0; h < cf.size(); h++) {
            close(at + " forecast[" + h + "].mean", f.get("expected").get(h), number(cf.get(h), "mean", at));
            close(at + " forecast[" + h + "].lower", f.get("ci95_lower").get(h), number(cf.get(h), "lower", at));
            close(at + " forecast[" + h + "].upper", f.get("ci95_upper").get(h), number(cf.get(h), "upper", at));
        }
    }

    // ------------------------------------------------------------------ tolerances

    private static double number(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        assertTrue(v != null && v.isNumber(), at + " " + field + " is not a number: " + v);
        return v.doubleValue();
    }

    private static double[] doubles(JsonNode array) {
        assertTrue(array != null && array.isArray(), "not an array: " + array);
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    private void closeRateRatio(String at, JsonNode want, RateRatio got) {
        assertNotNull(got, at + " missing");
        close(at + ".estimate", want.get("estimate"), got.estimate());
        closeAll(at + ".ci95", want.get("ci95"), got.ci95().toArray());
    }

    private void closeRateRatio(String at, JsonNode want, JsonNode got) {
        assertTrue(got != null && !got.isNull(), at + " missing");
        close(at + ".estimate", want.get("estimate"), number(got, "estimate", at));
        closeAll(at + ".ci95", want.get("ci95"), doubles(got.get("ci95")));
    }

    private void closeAll(String at, JsonNode want, double[] got) {
        assertEquals(want.size(), got.length, at + " length");
        for (int i = 0; i < got.length; i++) {
            close(at + "[" + i + "]", want.get(i), got[i]);
        }
    }

    private void close(String at, JsonNode want, double got) {
        assertTrue(want != null && want.isNumber(), at + ": reference is not a number: " + want);
        check(at, want.doubleValue(), got, REL * Math.abs(want.doubleValue()));
    }

    private void closeP(String at, JsonNode want, double got) {
        double w = want.doubleValue();
        check(at, w, got, Math.abs(w) < TINY_P ? TINY_P_ABS : REL * Math.abs(w));
    }

    private void check(String at, double want, double got, double tol) {
        assertTrue(Double.isFinite(got), at + ": not finite: " + got);
        if (!(Math.abs(got - want) <= tol)) {
            fail(String.format(
                    "%s: expected %.17g but was %.17g (rel diff %.3g)",
                    at, want, got, Math.abs(got - want) / Math.abs(want)));
        }
    }
}
