package org.militrend.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.militrend.testing.SharedData;

/**
 * One reference series of {@code reference/trends} and the comparison of an API trend response
 * (as JSON) with its R figures: every row of the README's mapping table, plus observed, fitted, all
 * forecast points and, for the seasonal model, every month effect. 1e-9 relative; p-values below
 * 1e-12 to 1e-15 absolute.
 */
record RefSeries(String name, List<String> periods, long[] counts, double[] exposure, JsonNode r) {

    static final ObjectMapper JSON = new ObjectMapper();

    static Path dir() {
        return SharedData.root().resolve("reference").resolve("trends");
    }

    /** Every series, sorted by name (the order contract-check numbers them in). */
    static List<RefSeries> all() {
        try (Stream<Path> files = Files.list(dir())) {
            List<RefSeries> out = new ArrayList<>();
            for (Path csv :
                    files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                out.add(load(csv.getFileName().toString().replace(".csv", "")));
            }
            assertTrue(out.size() >= 4, "expected the 4 reference series in " + dir());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RefSeries load(String name) {
        try {
            List<String> lines = Files.readAllLines(dir().resolve(name + ".csv"));
            boolean hasExposure = lines.get(0).trim().endsWith(",exposure");
            List<String> periods = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            List<Double> exposure = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split(",");
                periods.add(f[0]);
                counts.add(Long.parseLong(f[1]));
                if (hasExposure) {
                    exposure.add(Double.parseDouble(f[2]));
                }
            }
            JsonNode r = JSON.readTree(dir().resolve(name + ".R.json").toFile());
            return new RefSeries(
                    name,
                    List.copyOf(periods),
                    counts.stream().mapToLong(Long::longValue).toArray(),
                    hasExposure
                            ? exposure.stream().mapToDouble(Double::doubleValue).toArray()
                            : null,
                    r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** The native CSV contract-check imports: one row per event, dated the 15th of its month. */
    String nativeCsv(String district) {
        StringBuilder out = new StringBuilder("external_id,date,district,killed,injured\n");
        for (int i = 0; i < periods.size(); i++) {
            for (long j = 0; j < counts[i]; j++) {
                out.append("ref-")
                        .append(name)
                        .append('-')
                        .append(periods.get(i))
                        .append('-')
                        .append(j)
                        .append(',')
                        .append(periods.get(i))
                        .append("-15,")
                        .append(district)
                        .append(",0,0\n");
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ comparison

    /** Compares every figure of a trend response; {@code seasonal}: the response was asked with seasonal=true. */
    void compare(JsonNode api, boolean seasonal) {
        String raw = api.toString();
        assertFalse(raw.contains("NaN") || raw.contains("Infinity"), name + ": non-number in the JSON");
        // observed and periods
        JsonNode observed = api.get("observed");
        assertEquals(counts.length, observed.size(), name + " observed length");
        for (int i = 0; i < counts.length; i++) {
            assertEquals(counts[i], observed.get(i).longValue(), name + " observed[" + i + "]");
            assertEquals(periods.get(i), api.get("periods").get(i).textValue(), name + " periods[" + i + "]");
        }
        // linear
        close(api, "/linear/slope", "/ols/slope");
        close(api, "/linear/intercept", "/ols/intercept");
        close(api, "/linear/slopeStdErr", "/ols/slope_se");
        close(api, "/linear/slopeCi95/0", "/ols/slope_ci95/0");
        close(api, "/linear/slopeCi95/1", "/ols/slope_ci95/1");
        close(api, "/linear/pValue", "/ols/p_value");
        close(api, "/linear/rSquared", "/ols/r_squared");
        // Poisson (and the seasonal one)
        poisson(api, "/poisson", "/poisson", false);
        if (seasonal) {
            poisson(api, "/poissonSeasonal", "/poisson_seasonal", true);
        } else {
            assertTrue(api.get("poissonSeasonal").isNull(), name + ": poissonSeasonal without seasonal=true");
        }
        // negative binomial
        if (r.at("/negbin/theta_infinite").booleanValue()) {
            assertTrue(api.get("negativeBinomial").isNull(), name + ": NB should be null (theta infinite)");
        } else {
            close(api, "/negativeBinomial/theta", "/negbin/refined/theta");
            close(api, "/negativeBinomial/intercept", "/negbin/refined/coefficients/intercept/estimate");
            close(api, "/negativeBinomial/slope", "/negbin/refined/coefficients/t/estimate");
            close(api, "/negativeBinomial/slopeStdErr", "/negbin/refined/coefficients/t/se");
        }
        // Mann-Kendall, Sen, Pettitt
        close(api, "/mannKendall/s", "/mann_kendall/S");
        close(api, "/mannKendall/varS", "/mann_kendall/varS");
        close(api, "/mannKendall/z", "/mann_kendall/z");
        close(api, "/mannKendall/pValue", "/mann_kendall/p_value");
        close(api, "/mannKendall/tau", "/mann_kendall/tau");
        close(api, "/sensSlope/slope", "/sens_slope/slope");
        close(api, "/sensSlope/ci95/0", "/sens_slope/ci95/0");
        close(api, "/sensSlope/ci95/1", "/sens_slope/ci95/1");
        assertEquals(
                text("/pettitt/change_period"),
                api.at("/changePoint/lastPeriodBefore").textValue(),
                name);
        assertEquals(
                text("/pettitt/first_period_after"),
                api.at("/changePoint/firstPeriodAfter").textValue(),
                name);
        close(api, "/changePoint/k", "/pettitt/statistic_K");
        close(api, "/changePoint/pValue", "/pettitt/p_value");
        close(api, "/changePoint/meanBefore", "/pettitt/mean_before");
        close(api, "/changePoint/meanAfter", "/pettitt/mean_after");
        // forecast: every point, from the model behind it
        String model = seasonal ? "/poisson_seasonal" : "/poisson";
        JsonNode forecast = api.get("forecast");
        int h = r.at(model + "/forecast/expected").size();
        assertEquals(h, forecast.size(), name + " forecast length");
        for (int i = 0; i < h; i++) {
            assertEquals(
                    text(model + "/forecast/periods/" + i),
                    forecast.get(i).get("period").textValue(),
                    name + " forecast period " + i);
            close(api, "/forecast/" + i + "/mean", model + "/forecast/expected/" + i);
            close(api, "/forecast/" + i + "/lower", model + "/forecast/ci95_lower/" + i);
            close(api, "/forecast/" + i + "/upper", model + "/forecast/ci95_upper/" + i);
        }
    }

    private void poisson(JsonNode api, String a, String ref, boolean seasonal) {
        assertTrue(r.at(ref + "/mle_exists").booleanValue(), name + ref + ": reference has no MLE");
        close(api, a + "/intercept", ref + "/coefficients/intercept/estimate");
        close(api, a + "/slope", ref + "/coefficients/t/estimate");
        close(api, a + "/interceptStdErr", ref + "/coefficients/intercept/se");
        close(api, a + "/slopeStdErr", ref + "/coefficients/t/se");
        close(api, a + "/deviance", ref + "/deviance");
        close(api, a + "/nullDeviance", ref + "/null_deviance");
        close(api, a + "/aic", ref + "/aic");
        close(api, a + "/dispersion", ref + "/dispersion_pearson");
        close(api, a + "/quasiSlopeStdErr", ref + "/quasi/coefficients/t/se");
        close(api, a + "/rateRatioPer12/estimate", ref + "/rate_ratio_12m/estimate");
        close(api, a + "/rateRatioPer12/ci95/0", ref + "/rate_ratio_12m/ci95/0");
        close(api, a + "/rateRatioPer12/ci95/1", ref + "/rate_ratio_12m/ci95/1");
        if (seasonal) {
            JsonNode effects = api.at(a + "/monthEffects");
            assertEquals(11, effects.size(), name + a + " monthEffects");
            for (int m = 2; m <= 12; m++) {
                String mm = String.format("%02d", m);
                close(api, a + "/monthEffects/" + mm, ref + "/coefficients/month" + mm + "/estimate");
            }
        } else {
            assertTrue(api.at(a + "/monthEffects").isMissingNode(), name + a + ": monthEffects on the trend model");
        }
        // fitted μ̂_t = e_t exp(a + b t [+ month effect]) from R's coefficients
        JsonNode fitted = api.at(a + "/fitted");
        assertEquals(counts.length, fitted.size(), name + a + " fitted length");
        double intercept = num(ref + "/coefficients/intercept/estimate");
        double slope = num(ref + "/coefficients/t/estimate");
        for (int t = 0; t < counts.length; t++) {
            double eta = intercept + slope * t;
            int month = YearMonth.parse(periods.get(t)).getMonthValue();
            if (seasonal && month > 1) {
                eta += num(ref + "/coefficients/month" + String.format("%02d", month) + "/estimate");
            }
            double want = Math.exp(eta) * (exposure == null ? 1 : exposure[t]);
            within(name + a + "/fitted/" + t, want, fitted.get(t));
        }
    }

    private void close(JsonNode api, String apiPath, String refPath) {
        JsonNode want = r.at(refPath);
        if (!want.isNumber()) {
            fail(name + ": reference " + refPath + " is not a number: " + want);
        }
        within(
                name + apiPath,
                want.doubleValue(),
                api.at(apiPath),
                apiPath.toLowerCase().contains("pvalue"));
    }

    private void within(String what, double want, JsonNode got) {
        within(what, want, got, false);
    }

    private void within(String what, double want, JsonNode got, boolean pValue) {
        assertNotNull(got, what + " missing");
        assertTrue(got.isNumber(), what + " is not a number: " + got);
        double tol = pValue && Math.abs(want) < 1e-12 ? 1e-15 : Math.max(1e-9 * Math.abs(want), 1e-300);
        if (!pValue && want == 0) {
            tol = 1e-12;
        }
        double g = got.doubleValue();
        assertTrue(Math.abs(g - want) <= tol, what + " = " + g + ", want " + want + " (tolerance " + tol + ")");
    }

    private double num(String path) {
        JsonNode n = r.at(path);
        assertTrue(n.isNumber(), name + ": " + path + " not a number");
        return n.doubleValue();
    }

    private String text(String path) {
        JsonNode n = r.at(path);
        assertTrue(n.isTextual(), name + ": " + path + " not text");
        return n.textValue();
    }
}
