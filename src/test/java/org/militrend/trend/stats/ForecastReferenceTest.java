package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All six forecast points of both Poisson models of every reference file; the prediction intervals
 * against R's {@code qpois} (src/test/r/forecast-prediction.R).
 */
@Tag("no-db")
class ForecastReferenceTest {

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void poissonForecast(ReferenceCase c) {
        check(c, "/poisson", false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void seasonalForecast(ReferenceCase c) {
        check(c, "/poisson_seasonal", true);
    }

    private static void check(ReferenceCase c, String key, boolean seasonal) {
        PoissonTrendResult fit = PoissonRegression.fit(c.counts(), c.calendarMonths(), c.exposure(), seasonal)
                .value();
        String k = key + "/forecast";
        int horizon = c.at(k + "/t").size();
        assertEquals(6, horizon, c.file() + k + ": expected 6 reference points");
        List<ForecastPoint> f = Forecast.poisson(fit, horizon, null);
        assertEquals(horizon, f.size(), c.file() + k + " size");
        if (c.exposure() != null) {
            c.close(k + "/exposure_assumed", fit.lastExposure());
        } else {
            assertTrue(c.at(k + "/exposure_assumed").isNull(), c.file() + k + " exposure_assumed");
        }
        c.closeAll(k + "/t", f.stream().mapToDouble(ForecastPoint::index).toArray());
        c.closeAll(k + "/expected", f.stream().mapToDouble(ForecastPoint::mean).toArray());
        c.closeAll(k + "/eta", f.stream().mapToDouble(ForecastPoint::eta).toArray());
        c.closeAll(k + "/se_eta", f.stream().mapToDouble(ForecastPoint::seEta).toArray());
        c.closeAll(
                k + "/ci95_lower", f.stream().mapToDouble(ForecastPoint::lower).toArray());
        c.closeAll(
                k + "/ci95_upper", f.stream().mapToDouble(ForecastPoint::upper).toArray());
        List<RPrediction> expected = R_PREDICTIONS.stream()
                .filter(r -> r.series().equals(c.name()) && r.model().equals(key.substring(1)))
                .toList();
        assertEquals(horizon, expected.size(), c.name() + k + ": R prediction rows");
        for (int i = 0; i < horizon; i++) {
            ForecastPoint p = f.get(i);
            RPrediction r = expected.get(i);
            String where = c.file() + k + " t=" + p.index();
            assertEquals(r.t(), p.index(), where);
            // the R script recomputes the confidence bounds itself: they must be the shared reference's
            assertEquals(r.lower(), p.lower(), ReferenceCase.REL * r.lower(), where + " ci95_lower (R script)");
            assertEquals(r.upper(), p.upper(), ReferenceCase.REL * r.upper(), where + " ci95_upper (R script)");
            assertEquals(r.predictionLower(), p.predictionLower(), where + " prediction lower: R qpois(0.025, lower)");
            assertEquals(r.predictionUpper(), p.predictionUpper(), where + " prediction upper: R qpois(0.975, upper)");
            assertTrue(
                    p.predictionLower() <= Math.floor(p.lower()) + 1 && p.predictionUpper() >= Math.floor(p.upper()),
                    where + ": prediction interval must contain the CI of the mean");
        }
    }

    /** One row of src/test/resources/reference/forecast-prediction.csv (made by src/test/r/forecast-prediction.R). */
    record RPrediction(
            String series,
            String model,
            int t,
            double lower,
            double upper,
            long predictionLower,
            long predictionUpper) {}

    static final List<RPrediction> R_PREDICTIONS = readPredictions();

    private static List<RPrediction> readPredictions() {
        try (InputStream in = ForecastReferenceTest.class.getResourceAsStream("/reference/forecast-prediction.csv")) {
            assertNotNull(in, "reference/forecast-prediction.csv is missing from the test resources");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            assertEquals(
                    "series,model,t,ci95_lower,ci95_upper,prediction_lower,prediction_upper", lines.get(0), "header");
            return lines.subList(1, lines.size()).stream()
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split(","))
                    .map(f -> new RPrediction(
                            f[0],
                            f[1],
                            Integer.parseInt(f[2]),
                            Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]),
                            Long.parseLong(f[5]),
                            Long.parseLong(f[6])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyReferenceSeriesHasRPredictions() {
        // 4 series x 2 models x 6 periods: the file covers every reference case, nothing more
        assertEquals(ReferenceCase.all().size() * 2 * 6, R_PREDICTIONS.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void facadeMatchesReferenceAndLabelsPeriods(ReferenceCase c) {
        TrendResult r = TrendAnalysis.analyze(c.counts(), c.firstPeriod(), c.exposure(), true, 6);
        assertEquals(c.periods(), r.periods(), c.file() + " periods");
        assertTrue(r.warnings().isEmpty(), c.file() + " unexpected warnings " + r.warnings());
        String k = "/poisson_seasonal/forecast";
        assertEquals("poissonSeasonal", r.forecastModel(), c.file());
        for (int i = 0; i < 6; i++) {
            ForecastPoint p = r.forecast().get(i);
            assertEquals(c.at(k + "/periods").get(i).textValue(), p.period(), c.file() + k + " period " + i);
            c.close(k + "/expected[" + i + "]", c.nums(k + "/expected")[i], p.mean());
            c.close(k + "/ci95_lower[" + i + "]", c.nums(k + "/ci95_lower")[i], p.lower());
            c.close(k + "/ci95_upper[" + i + "]", c.nums(k + "/ci95_upper")[i], p.upper());
        }
        c.close("/ols/slope", r.linear().slope());
        c.close("/poisson/coefficients/t/estimate", r.poisson().slope());
        c.close("/poisson_seasonal/coefficients/t/estimate", r.poissonSeasonal().slope());
        c.close("/negbin/refined/theta", r.negativeBinomial().theta());
        c.close("/mann_kendall/z", r.mannKendall().z());
        c.close("/sens_slope/slope", r.sensSlope().slope());
        c.close("/pettitt/p_value", r.changePoint().pValue());
        assertEquals(
                c.at("/pettitt/change_period").textValue(),
                r.periods().get(r.changePoint().lastIndexBefore()));
        TrendResult plain = TrendAnalysis.analyze(c.counts(), c.calendarMonths(), c.exposure(), false, 6);
        assertEquals("poisson", plain.forecastModel(), c.file());
        c.closeAll(
                "/poisson/forecast/expected",
                plain.forecast().stream().mapToDouble(ForecastPoint::mean).toArray());
        assertEquals(null, plain.poissonSeasonal(), c.file());
    }
}
