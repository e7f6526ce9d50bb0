package org.militrend.trend.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Iteratively reweighted least squares for log-link count GLMs (Poisson, and NB2 with fixed θ),
 * on Commons Math's Householder QR, as in R's {@code glm.fit}: working response {@code z = η - offset
 * + (y - μ)/μ}, weights {@code w = μ²/V(μ)}; stop when {@code |D - D_old| / (|D| + 0.1) < 1e-14} (or β stops moving, see {@link #BETA_TOLERANCE}).
 * After convergence μ is recomputed from the final β, and the covariance {@code (XᵀWX)⁻¹} is
 * evaluated with W AT THE MLE (R's {@code summary.glm} uses the previous iterate's weights).
 */
final class Irls {
    static final double EPSILON = 1e-14;
    static final int MAX_ITERATIONS = 100;
    /**
     * Second stopping rule for a deviance at rounding-noise level (e.g. a perfect fit, D ≈ 0, where
     * the relative change of D cannot fall below 1e-14): β no longer moves beyond 1e-13 relative.
     */
    static final double BETA_TOLERANCE = 1e-13;

    /** theta == +infinity means Poisson. */
    record Fit(
            double[] beta,
            double[] eta,
            double[] mu,
            double deviance,
            double[][] covariance,
            int iterations,
            boolean converged) {}

    private Irls() {}

    static double poissonDeviance(double[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += (y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]);
        }
        return 2 * d;
    }

    static double nbDeviance(double[] y, double[] mu, double theta) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            double yi = y[i];
            d += (yi > 0 ? yi * Math.log(yi / mu[i]) : 0) - (yi + theta) * Math.log((yi + theta) / (mu[i] + theta));
        }
        return 2 * d;
    }

    static double deviance(double[] y, double[] mu, double theta) {
        return theta == Double.POSITIVE_INFINITY ? poissonDeviance(y, mu) : nbDeviance(y, mu, theta);
    }

    static double weight(double mu, double theta) {
        return theta == Double.POSITIVE_INFINITY ? mu : mu / (1 + mu / theta);
    }

    /**
     * Fits the GLM. {@code startBeta} may be null: then μ starts at y + 0.1 (R's Poisson start).
     * Returns null if the iteration breaks down (non-finite values).
     */
    static Fit fit(Design d, double[] y, double theta, double[] startBeta) {
        int n = d.n;
        int p = d.p();
        double[] eta = new double[n];
        double[] mu = new double[n];
        if (startBeta == null) {
            for (int i = 0; i < n; i++) {
                mu[i] = y[i] + 0.1;
                eta[i] = Math.log(mu[i]);
            }
        } else {
            linearPredictor(d, startBeta, eta, mu);
        }
        double dev = deviance(y, mu, theta);
        double[] beta = startBeta == null ? null : startBeta.clone();
        boolean converged = false;
        int iter = 0;
        while (iter < MAX_ITERATIONS) {
            iter++;
            double[][] a = new double[n][p];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                double w = weight(mu[i], theta);
                double sw = Math.sqrt(w);
                double z = eta[i] - d.offset[i] + (y[i] - mu[i]) / mu[i];
                for (int j = 0; j < p; j++) {
                    a[i][j] = sw * d.x[i][j];
                }
                b[i] = sw * z;
            }
            double[] newBeta;
            try {
                newBeta = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-13)
                        .getSolver()
                        .solve(new ArrayRealVector(b, false))
                        .toArray();
            } catch (RuntimeException singular) {
                return null;
            }
            if (!allFinite(newBeta)) {
                return null;
            }
            boolean betaStable = beta != null;
            for (int j = 0; betaStable && j < p; j++) {
                betaStable = Math.abs(newBeta[j] - beta[j]) <= BETA_TOLERANCE * Math.max(1, Math.abs(beta[j]));
            }
            beta = newBeta;
            linearPredictor(d, beta, eta, mu);
            if (!allFinite(mu)) {
                return null;
            }
            double devNew = deviance(y, mu, theta);
            if (!Double.isFinite(devNew)) {
                return null;
            }
            double change = Math.abs(devNew - dev) / (Math.abs(devNew) + 0.1);
            dev = devNew;
            if (change < EPSILON || (betaStable && iter > 2)) {
                converged = true;
                break;
            }
        }
        double[][] cov = covariance(d, mu, theta);
        if (cov == null) {
            return null;
        }
        return new Fit(beta, eta, mu, dev, cov, iter, converged);
    }

    static void linearPredictor(Design d, double[] beta, double[] eta, double[] mu) {
        for (int i = 0; i < d.n; i++) {
            double e = d.offset[i];
            for (int j = 0; j < beta.length; j++) {
                e += d.x[i][j] * beta[j];
            }
            eta[i] = e;
            mu[i] = Math.exp(e);
        }
    }

    /** (XᵀWX)⁻¹ with W = diag(w(μ)), through the QR factor R of W^½X: (RᵀR)⁻¹ = R⁻¹R⁻ᵀ. */
    static double[][] covariance(Design d, double[] mu, double theta) {
        int n = d.n;
        int p = d.p();
        double[][] a = new double[n][p];
        for (int i = 0; i < n; i++) {
            double sw = Math.sqrt(weight(mu[i], theta));
            for (int j = 0; j < p; j++) {
                a[i][j] = sw * d.x[i][j];
            }
        }
        RealMatrix r = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getR();
        double[][] rinv = new double[p][p];
        for (int j = 0; j < p; j++) {
            if (!(Math.abs(r.getEntry(j, j)) > 1e-13 * Math.abs(r.getEntry(0, 0)))) {
                return null;
            }
        }
        // back substitution for the inverse of the upper-triangular R
        for (int col = 0; col < p; col++) {
            for (int i = p - 1; i >= 0; i--) {
                double s = i == col ? 1 : 0;
                for (int k = i + 1; k < p; k++) {
                    s -= r.getEntry(i, k) * rinv[k][col];
                }
                rinv[i][col] = s / r.getEntry(i, i);
            }
        }
        double[][] cov = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = Math.max(i, j); k < p; k++) {
                    s += rinv[i][k] * rinv[j][k];
                }
                cov[i][j] = s;
            }
        }
        return allFinite(cov) ? cov : null;
    }

    static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    static boolean allFinite(double[][] m) {
        for (double[] r : m) {
            if (!allFinite(r)) {
                return false;
            }
        }
        return true;
    }
}
