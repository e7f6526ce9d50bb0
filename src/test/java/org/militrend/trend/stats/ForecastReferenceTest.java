package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** All six forecast points of both Poisson models of every reference file. */
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
        for (ForecastPoint p : f) {
            // documented prediction interval: Poisson 2.5% quantile at the lower CI bound, 97.5% at the upper
            assertEquals(CountDistributions.quantile(0.025, p.lower(), null), p.predictionLower(), c.file() + k);
            assertEquals(CountDistributions.quantile(0.975, p.upper(), null), p.predictionUpper(), c.file() + k);
            assertTrue(
                    p.predictionLower() <= Math.floor(p.lower()) + 1 && p.predictionUpper() >= Math.floor(p.upper()),
                    c.file() + k + ": prediction interval must contain the CI of the mean at t=" + p.index());
        }
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
