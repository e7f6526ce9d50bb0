package org.militrend.trend.stats;

/**
 * The trend of one regime (segment): the Poisson and NB2 trends fitted to the segment alone, with
 * t = 0 at the segment's first period (so the intercept refers to it; slope, fitted values and
 * forecasts do not depend on that origin).
 *
 * <p>{@code rateRatioPerYear} is {@code exp(h b_t)}, h the periods in a year, with a Wald interval
 * whose standard error is the quasi-Poisson one with the dispersion floored at 1, {@code se ·
 * sqrt(max(1, φ))}: conflict counts are overdispersed, and the plain Poisson interval would call
 * nearly every wiggle a trend (the same rule as the hotspot ranking). The verdict reads this
 * interval: rising when it lies above 1, falling below 1, else no clear change.
 *
 * @param segment the periods of the regime
 * @param poisson Poisson trend of the segment, or null when not estimable (see {@code reason})
 * @param negativeBinomial NB2 trend of the segment, or null (not estimable, or θ infinite: no
 *     overdispersion)
 * @param rateRatioPerYear quasi-Poisson rate ratio per year with its 95% interval, or null without
 *     a Poisson fit
 * @param verdict rising / falling / no clear change
 * @param reason why there is no Poisson fit, or null
 */
public record RegimeFit(
        Segment segment,
        PoissonTrendResult poisson,
        NegativeBinomialResult negativeBinomial,
        RateRatio rateRatioPerYear,
        Verdict verdict,
        String reason) {
    public RegimeFit {
        Checks.notNull("segment", segment);
        Checks.notNull("verdict", verdict);
        if ((poisson == null) != (reason != null)) {
            throw new IllegalArgumentException("a regime has either a Poisson fit or the reason why not");
        }
    }

    /**
     * Fits the segment's trends.
     *
     * @param counts the whole series
     * @param exposure the whole series' exposure, or null
     */
    public static RegimeFit fit(double[] counts, double[] exposure, Segment segment, SegmentationRule rule) {
        return fit(counts, exposure, segment, rule, null);
    }

    /**
     * As {@link #fit(double[], double[], Segment, SegmentationRule)} with the periods at {@code
     * time} (null: 0..n-1); t = 0 stays at the segment's first period.
     */
    public static RegimeFit fit(
            double[] counts, double[] exposure, Segment segment, SegmentationRule rule, double[] time) {
        double[] y = Checks.counts(counts);
        double[] e = Checks.exposure(exposure, y.length);
        Checks.notNull("segment", segment);
        Checks.notNull("rule", rule);
        if (segment.last() >= y.length) {
            throw new IllegalArgumentException("segment ends after the series");
        }
        double[] part = slice(y, segment);
        double[] partExposure = e == null ? null : slice(e, segment);
        double[] partTime = slice(Checks.time(time, y.length), segment);
        double origin = partTime[0];
        for (int i = 0; i < partTime.length; i++) {
            partTime[i] -= origin;
        }
        Outcome<PoissonTrendResult> poisson = PoissonRegression.fit(part, null, partExposure, false, partTime);
        if (!poisson.isEstimable()) {
            return new RegimeFit(segment, null, null, null, Verdict.NO_CLEAR_CHANGE, poisson.reason());
        }
        PoissonTrendResult p = poisson.value();
        NegativeBinomialResult nb = NegativeBinomialRegression.fit(part, null, partExposure, false, partTime)
                .orNull();
        double quasiSe = p.slopeStdErr() * Math.sqrt(Math.max(1, p.dispersion()));
        RateRatio perYear =
                RateRatio.over(rule.periodsPerYear(), p.slope(), quasiSe).orNull();
        return new RegimeFit(segment, p, nb, perYear, Verdict.of(perYear), null);
    }

    private static double[] slice(double[] values, Segment s) {
        double[] out = new double[s.periods()];
        System.arraycopy(values, s.first(), out, 0, out.length);
        return out;
    }
}
