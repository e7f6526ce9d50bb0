package org.militrend.trend.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Property tests (jqwik) of the invariances and optimality conditions of the estimators. */
@Tag("no-db")
class StatsProperties {

    @Provide
    Arbitrary<double[]> series() {
        // small counts with many ties and zeros, lengths 3..60
        return Arbitraries.integers()
                .between(0, 12)
                .list()
                .ofMinSize(3)
                .ofMaxSize(60)
                .map(l -> l.stream().mapToDouble(Integer::doubleValue).toArray());
    }

    private static double[] reverse(double[] y) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[y.length - 1 - i];
        }
        return r;
    }

    /**
     * Swapping two equal values (i &lt; j) and, more strongly, any permutation of the values never
     * changes Var(S) (it depends only on the tie groups); S, tau and Sen's slope are unchanged when
     * two tied values trade places, and flip sign under time reversal.
     */
    @Property(tries = 300)
    void mannKendallAndSenUnderTiesAndReversal(
            @ForAll("series") double[] y, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        double varS = NonParametricTrend.mkVarS(y);
        double[] shuffled = y.clone();
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        assertEquals(varS, NonParametricTrend.mkVarS(shuffled), 0, "Var(S) depends on tie groups only");

        // swap the first pair of tied values found (a no-op on the data, but a different labelling of ranks)
        double[] swapped = y.clone();
        outer:
        for (int i = 0; i < y.length; i++) {
            for (int j = i + 1; j < y.length; j++) {
                if (y[i] == y[j]) {
                    swapped[i] = y[j];
                    swapped[j] = y[i];
                    break outer;
                }
            }
        }
        assertEquals(NonParametricTrend.mkS(y), NonParametricTrend.mkS(swapped));
        assertEquals(
                NonParametricTrend.sensSlope(y).value().slope(),
                NonParametricTrend.sensSlope(swapped).value().slope(),
                0);

        double[] rev = reverse(y);
        assertEquals(-NonParametricTrend.mkS(y), NonParametricTrend.mkS(rev));
        assertEquals(
                -NonParametricTrend.sensSlope(y).value().slope(),
                NonParametricTrend.sensSlope(rev).value().slope(),
                0);
        var mk = NonParametricTrend.mannKendall(y);
        var mkRev = NonParametricTrend.mannKendall(rev);
        assertEquals(mk.isEstimable(), mkRev.isEstimable());
        if (mk.isEstimable()) {
            assertEquals(mk.value().pValue(), mkRev.value().pValue(), 1e-15);
            assertEquals(-mk.value().tau(), mkRev.value().tau(), 1e-15);
        }
    }

    /** Sen's slope and S are invariant under adding a constant, and Sen's slope scales with the data. */
    @Property(tries = 200)
    void senSlopeShiftAndScale(@ForAll("series") double[] y, @ForAll @IntRange(min = 1, max = 50) int c) {
        double[] shifted = Arrays.stream(y).map(v -> v + c).toArray();
        double[] scaled = Arrays.stream(y).map(v -> v * c).toArray();
        double slope = NonParametricTrend.sensSlope(y).value().slope();
        assertEquals(slope, NonParametricTrend.sensSlope(shifted).value().slope(), 1e-12);
        assertEquals(c * slope, NonParametricTrend.sensSlope(scaled).value().slope(), 1e-12 * c);
        assertEquals(NonParametricTrend.mkS(y), NonParametricTrend.mkS(shifted));
    }

    /** Pettitt's K is invariant under time reversal (U'_k = -U_{n-k}). */
    @Property(tries = 200)
    void pettittSymmetricUnderReversal(@ForAll("series") double[] y) {
        var a = NonParametricTrend.pettitt(y);
        var b = NonParametricTrend.pettitt(reverse(y));
        assertEquals(a.isEstimable(), b.isEstimable());
        if (a.isEstimable()) {
            assertEquals(a.value().k(), b.value().k(), 0);
            assertEquals(a.value().pValue(), b.value().pValue(), 0);
        }
    }

    /**
     * At the Poisson MLE the score equations hold: Xᵀ(y - μ̂) = 0 for every column (intercept, t,
     * month dummies), relative to the size of Xᵀy; deviance ≤ null deviance.
     */
    @Property(tries = 200)
    void poissonMleSolvesScoreEquations(
            @ForAll("series") double[] y,
            @ForAll boolean seasonal,
            @ForAll @IntRange(min = 1, max = 12) int startMonth) {
        int[] months = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            months[i] = (startMonth - 1 + i) % 12 + 1;
        }
        var o = PoissonRegression.fit(y, months, null, seasonal);
        long positives = Arrays.stream(y).filter(v -> v > 0).count();
        if (!seasonal && positives >= 2) {
            // two positive counts at distinct times: the MLE exists (Haberman), so the fit must succeed
            assertTrue(o.isEstimable(), o.reason() + " for " + Arrays.toString(y));
        }
        if (!o.isEstimable()) {
            return;
        }
        PoissonTrendResult r = o.value();
        FiniteScan.assertAllFinite(r);
        double[] mu = r.fittedArray();
        Design d = new Design(y.length, months, null, seasonal);
        for (int j = 0; j < d.p(); j++) {
            double score = 0;
            double scale = 0;
            for (int i = 0; i < y.length; i++) {
                score += d.x[i][j] * (y[i] - mu[i]);
                scale += d.x[i][j] * y[i];
            }
            assertTrue(
                    Math.abs(score) <= 1e-8 * Math.max(1, scale),
                    "score of " + d.names.get(j) + " = " + score + " for " + Arrays.toString(y));
        }
        assertTrue(r.deviance() <= r.nullDeviance() + 1e-9 * Math.max(1, r.nullDeviance()));
    }

    /** Exposure scaled by a constant c only shifts the intercept by -log c. */
    @Property(tries = 100)
    void poissonOffsetScaling(@ForAll("series") double[] y, @ForAll @IntRange(min = 2, max = 10_000) int c) {
        double[] e1 = new double[y.length];
        double[] ec = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            e1[i] = 100 + i;
            ec[i] = c * (100.0 + i);
        }
        var a = PoissonRegression.fit(y, null, e1, false);
        var b = PoissonRegression.fit(y, null, ec, false);
        assertEquals(a.isEstimable(), b.isEstimable());
        if (a.isEstimable()) {
            assertEquals(
                    a.value().slope(),
                    b.value().slope(),
                    1e-9 * Math.max(1, Math.abs(a.value().slope())));
            assertEquals(a.value().intercept() - Math.log(c), b.value().intercept(), 1e-9 * Math.max(1, Math.log(c)));
            assertEquals(
                    a.value().deviance(),
                    b.value().deviance(),
                    1e-8 * Math.max(1, a.value().deviance()));
        }
    }

    /** At the NB MLE: the θ score is zero and the weighted β score Xᵀ diag(1/(1+μ/θ)) (y - μ) = 0. */
    @Property(tries = 150)
    void negativeBinomialMleSolvesScoreEquations(@ForAll("overdispersed") double[] y) {
        var o = NegativeBinomialRegression.fit(y, null, null, false);
        if (!o.isEstimable()) {
            return;
        }
        NegativeBinomialResult r = o.value();
        FiniteScan.assertAllFinite(r);
        double[] mu = r.fitted().stream().mapToDouble(Double::doubleValue).toArray();
        double s0 = 0;
        double s1 = 0;
        double scale = 0;
        for (int i = 0; i < y.length; i++) {
            double w = (y[i] - mu[i]) / (1 + mu[i] / r.theta());
            s0 += w;
            s1 += i * w;
            scale += i * y[i] + y[i];
        }
        assertTrue(Math.abs(s0) <= 1e-8 * Math.max(1, scale), "intercept score " + s0);
        assertTrue(Math.abs(s1) <= 1e-8 * Math.max(1, scale), "slope score " + s1);
        double thetaScore = NegativeBinomialRegression.thetaScore(y, mu, r.theta());
        double info = -NegativeBinomialRegression.thetaScoreDerivative(y, mu, r.theta());
        // Newton step from the MLE is negligible relative to theta
        assertTrue(Math.abs(thetaScore / info) <= 1e-8 * r.theta(), "theta score " + thetaScore);
    }

    @Provide
    Arbitrary<double[]> overdispersed() {
        // mixtures of small and large counts: usually overdispersed
        return Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(5, 40))
                .list()
                .ofMinSize(6)
                .ofMaxSize(60)
                .map(l -> l.stream().mapToDouble(Integer::doubleValue).toArray());
    }

    /** BH: adjusted ≥ raw, ≤ 1, and monotone in the raw p-values; equivariant under permutation. */
    @Property(tries = 300)
    void benjaminiHochbergProperties(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 1000) Integer> raw) {
        double[] p = raw.stream().mapToDouble(v -> v / 1000.0).toArray();
        double[] adj = BenjaminiHochberg.adjust(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(adj[i] >= p[i] && adj[i] <= 1);
            for (int j = 0; j < p.length; j++) {
                if (p[i] <= p[j]) {
                    assertTrue(adj[i] <= adj[j]);
                }
            }
        }
        double[] rev = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            rev[i] = p[p.length - 1 - i];
        }
        double[] adjRev = BenjaminiHochberg.adjust(rev);
        for (int i = 0; i < p.length; i++) {
            assertEquals(adj[i], adjRev[p.length - 1 - i], 0);
        }
    }

    /** The facade never throws and never returns a non-finite number for arbitrary count series. */
    @Property(tries = 300)
    void facadeTotalAndFinite(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 6) Integer> raw,
            @ForAll boolean seasonal,
            @ForAll boolean withExposure,
            @ForAll @IntRange(min = 0, max = 6) int horizon) {
        long[] y = raw.stream().mapToLong(Integer::longValue).toArray();
        double[] e = null;
        if (withExposure) {
            e = new double[y.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = 1000 + 7 * i;
            }
        }
        TrendResult r = TrendAnalysis.analyze(y, java.time.YearMonth.of(2020, 5), e, seasonal, horizon);
        FiniteScan.assertAllFinite(r);
        if (r.poisson() != null) {
            assertEquals(horizon, r.forecast().size());
        }
        if (r.linear() == null || r.poisson() == null || r.mannKendall() == null) {
            assertTrue(!r.warnings().isEmpty(), "missing sections need a warning");
        }
    }
}
