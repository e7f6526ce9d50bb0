package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every figure of the README mapping table, against every reference file, to 1e-9 relative. */
@Tag("no-db")
class ReferenceValuesTest {

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inputMatchesCsv(ReferenceCase c) {
        c.closeAll("/input/counts", c.counts());
        assertEquals(c.num("/input/n"), c.counts().length, c.file() + " n");
        assertEquals(c.at("/input/has_exposure").booleanValue(), c.exposure() != null, c.file() + " exposure");
        assertEquals(c.at("/input/first_period").textValue(), c.periods().get(0), c.file() + " first period");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ols(ReferenceCase c) {
        LinearTrendResult r = LinearTrend.fit(c.counts()).orNull();
        assertTrue(r != null, c.file() + ": OLS not estimable");
        c.close("/ols/slope", r.slope());
        c.close("/ols/intercept", r.intercept());
        c.close("/ols/slope_se", r.slopeStdErr());
        c.closeInterval("/ols/slope_ci95", r.slopeCi95());
        c.close("/ols/p_value", r.pValue());
        c.close("/ols/r_squared", r.rSquared());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void poisson(ReferenceCase c) {
        checkPoisson(c, "/poisson", false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void poissonSeasonal(ReferenceCase c) {
        checkPoisson(c, "/poisson_seasonal", true);
    }

    static PoissonTrendResult checkPoisson(ReferenceCase c, String key, boolean seasonal) {
        assertTrue(c.at(key + "/mle_exists").booleanValue(), c.file() + key + " reference says no MLE");
        Outcome<PoissonTrendResult> o = PoissonRegression.fit(c.counts(), c.calendarMonths(), c.exposure(), seasonal);
        assertTrue(o.isEstimable(), c.file() + key + ": not estimable: " + o.reason());
        PoissonTrendResult r = o.value();
        c.close(key + "/coefficients/intercept/estimate", r.intercept());
        c.close(key + "/coefficients/t/estimate", r.slope());
        c.close(key + "/coefficients/intercept/se", r.interceptStdErr());
        c.close(key + "/coefficients/t/se", r.slopeStdErr());
        c.close(key + "/deviance", r.deviance());
        c.close(key + "/null_deviance", r.nullDeviance());
        c.close(key + "/aic", r.aic());
        c.close(key + "/loglik", r.logLikelihood());
        c.close(key + "/pearson_chi2", r.pearsonChi2());
        c.close(key + "/dispersion_pearson", r.dispersion());
        c.close(key + "/quasi/coefficients/t/se", r.quasiSlopeStdErr());
        c.close(
                key + "/quasi/coefficients/intercept/se",
                r.coefficient("intercept").quasiStdErr());
        c.close(key + "/rate_ratio_12m/estimate", r.rateRatioPer12().estimate());
        c.closeInterval(key + "/rate_ratio_12m/ci95", r.rateRatioPer12().ci95());
        assertEquals((int) c.num(key + "/n_coef"), r.coefficients().size(), c.file() + key + " n_coef");
        assertEquals((int) c.num(key + "/df_residual"), r.dfResidual(), c.file() + key + " df_residual");
        // every coefficient in the reference (month02..month12 for the seasonal model)
        c.at(key + "/coefficients").fieldNames().forEachRemaining(name -> {
            Coefficient coef = r.coefficient(name);
            c.close(key + "/coefficients/" + name + "/estimate", coef.estimate());
            c.close(key + "/coefficients/" + name + "/se", coef.stdErr());
            c.close(key + "/quasi/coefficients/" + name + "/se", coef.quasiStdErr());
        });
        if (seasonal) {
            assertEquals(
                    List.of("02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"),
                    List.copyOf(r.monthEffects().keySet()),
                    c.file() + key + " monthEffects keys");
            for (int m = 2; m <= 12; m++) {
                String mm = String.format("%02d", m);
                c.close(
                        key + "/coefficients/month" + mm + "/estimate",
                        r.monthEffects().get(mm));
            }
        } else {
            assertTrue(r.monthEffects().isEmpty(), c.file() + key + " monthEffects must be empty");
        }
        // fitted values: μ̂_t = exposure_t · exp(η_t) recomputed from the reference coefficients
        double[] fitted = r.fittedArray();
        int[] months = c.calendarMonths();
        for (int t = 0; t < c.counts().length; t++) {
            double eta = c.num(key + "/coefficients/intercept/estimate") + t * c.num(key + "/coefficients/t/estimate");
            if (seasonal && months[t] > 1) {
                eta += c.num(key + String.format("/coefficients/month%02d/estimate", months[t]));
            }
            if (c.exposure() != null) {
                eta += Math.log(c.exposure()[t]);
            }
            c.close(key + " fitted[" + t + "]", Math.exp(eta), fitted[t]);
        }
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mannKendall(ReferenceCase c) {
        MannKendallResult r = NonParametricTrend.mannKendall(c.counts()).orNull();
        assertTrue(r != null, c.file() + ": Mann-Kendall not estimable");
        c.close("/mann_kendall/S", r.s());
        c.close("/mann_kendall/varS", r.varS());
        c.close("/mann_kendall/z", r.z());
        c.close("/mann_kendall/p_value", r.pValue());
        c.close("/mann_kendall/tau", r.tau());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sensSlope(ReferenceCase c) {
        SensSlopeResult r = NonParametricTrend.sensSlope(c.counts()).orNull();
        assertTrue(r != null, c.file() + ": Sen's slope not estimable");
        c.close("/sens_slope/slope", r.slope());
        c.closeInterval("/sens_slope/ci95", r.ci95());
        assertEquals((int) c.num("/sens_slope/n_pairs"), r.pairs(), c.file() + " n_pairs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pettitt(ReferenceCase c) {
        ChangePointResult r = NonParametricTrend.pettitt(c.counts()).orNull();
        assertTrue(r != null, c.file() + ": Pettitt not estimable");
        c.close("/pettitt/statistic_K", r.k());
        c.close("/pettitt/p_value", r.pValue());
        c.close("/pettitt/mean_before", r.meanBefore());
        c.close("/pettitt/mean_after", r.meanAfter());
        c.close("/pettitt/U_at_change", r.u());
        assertEquals((int) c.num("/pettitt/change_index"), r.changeIndex(), c.file() + " change_index");
        assertEquals(
                c.at("/pettitt/change_period").textValue(),
                c.periods().get(r.lastIndexBefore()),
                c.file() + " change_period");
        assertEquals(
                c.at("/pettitt/first_period_after").textValue(),
                c.periods().get(r.firstIndexAfter()),
                c.file() + " first_period_after");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void negativeBinomialRefined(ReferenceCase c) {
        c.close(
                "/negbin/overdispersion_score_at_poisson_mle",
                NegativeBinomialRegression.overdispersionScore(
                        c.counts(),
                        PoissonRegression.fit(c.counts(), null, c.exposure(), false)
                                .value()
                                .fittedArray()));
        Outcome<NegativeBinomialResult> o = NegativeBinomialRegression.fit(c.counts(), null, c.exposure(), false);
        if (c.at("/negbin/theta_infinite").booleanValue()) {
            assertTrue(!o.isEstimable(), c.file() + ": reference says theta is infinite");
            return;
        }
        assertTrue(o.isEstimable(), c.file() + ": NB not estimable: " + o.reason());
        NegativeBinomialResult r = o.value();
        String k = "/negbin/refined";
        assertTrue(c.at(k + "/converged").booleanValue(), c.file() + " refined not converged");
        c.close(k + "/theta", r.theta());
        c.close(k + "/theta_se", r.thetaStdErr());
        c.close(k + "/coefficients/intercept/estimate", r.intercept());
        c.close(k + "/coefficients/t/estimate", r.slope());
        c.close(k + "/coefficients/intercept/se", r.interceptStdErr());
        c.close(k + "/coefficients/t/se", r.slopeStdErr());
        c.close(k + "/rate_ratio_12m/estimate", r.rateRatioPer12().estimate());
        c.closeInterval(k + "/rate_ratio_12m/ci95", r.rateRatioPer12().ci95());
        c.close(k + "/deviance", r.deviance());
        c.close(k + "/loglik", r.logLikelihood());
        c.close(k + "/aic", r.aic());
    }

    /** The hotspot helper's per-series figures are the Poisson trend's rate ratio and Wald test. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rateRatioTest(ReferenceCase c) {
        RateRatioTestResult r = RateRatioTest.test(c.counts(), c.exposure()).orNull();
        assertTrue(r != null, c.file() + ": rate ratio test not estimable");
        c.close("/poisson/rate_ratio_12m/estimate", r.rateRatio());
        c.closeInterval("/poisson/rate_ratio_12m/ci95", r.ci95());
        c.close("/poisson/coefficients/t/estimate", r.slope());
        c.close("/poisson/coefficients/t/se", r.slopeStdErr());
        c.close("/poisson/coefficients/t/z", r.z());
        c.close("/poisson/coefficients/t/p", r.pValue());
        c.close("/poisson/dispersion_pearson", r.dispersion());
    }
}
