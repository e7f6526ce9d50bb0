/**
 * Trend statistics of count series (plain Java on Apache Commons Math 3.6.1; no framework imports).
 *
 * <p>Entry point: {@link org.militrend.trend.stats.TrendAnalysis#analyze}, returning an immutable
 * {@link org.militrend.trend.stats.TrendResult} whose sections map one-to-one to the {@code GET
 * /trends} JSON (API.md, "Trends"). Building blocks: {@link org.militrend.trend.stats.LinearTrend}
 * (OLS), {@link org.militrend.trend.stats.PoissonRegression} (Poisson GLM, optional month effects and
 * offset), {@link org.militrend.trend.stats.NegativeBinomialRegression} (NB2, joint ML), {@link
 * org.militrend.trend.stats.NonParametricTrend} (Mann–Kendall, Sen, Pettitt), {@link
 * org.militrend.trend.stats.Forecast}, {@link org.militrend.trend.stats.Anomalies}, {@link
 * org.militrend.trend.stats.BenjaminiHochberg}, {@link org.militrend.trend.stats.RateRatioTest}
 * (hotspots).
 *
 * <p>Conventions follow {@code shared/reference/trends/README.md}: t = 0..n-1, January reference
 * level, SEs at the MLE, AIC with the log y! terms, continuity-corrected Mann–Kendall, Sen ranks
 * rounded half-to-even. Results match the R reference values to 1e-9 relative (in practice ~1e-12).
 *
 * <p>Statistics that do not exist for a series come back as {@link
 * org.militrend.trend.stats.Outcome#notEstimable not estimable} with a reason (null section plus a
 * warning in the facade); every result record validates in its constructor that it holds no NaN or
 * infinity.
 */
package org.militrend.trend.stats;
