# Trend statistics of a monthly series with a coverage gap, computed by R, so that the service's
# fit on covered periods only is checked against established software (GapTrendReferenceTest,
# TrendGapApiTest).
#
# Rule (API.md "Trends"): only covered periods are fitted; t counts periods from the first period
# of the range, so the periods after a gap keep their place in time. The conventions are those of
# ../shared/reference/trends/README.md: lm(count ~ t); Poisson glm to convergence with standard
# errors from the weights AT THE MLE; AIC with the log y! terms; Pearson dispersion; rate ratio per
# 12 = exp(12 b); Mann-Kendall with continuity correction and tie-corrected Var(S) (it depends only
# on the order of the values); Sen's slope = median of pairwise slopes (y_j - y_i) / (t_j - t_i)
# with the true distance in time, CI at ranks round((N -/+ C)/2 (+1)); Pettitt on the covered
# values in order; forecast of the 6 months after the last covered one (confidence interval of
# the mean). The series was drawn so that the negative binomial theta is infinite (no NB fit).
#
# Run from the project root (base R only; Debian r-base-core):
#   Rscript src/test/r/gap-trend.R src/test/resources/reference/gap/gap36.csv > src/test/resources/reference/gap/gap36.R.csv
args <- commandArgs(trailingOnly = TRUE)
input <- if (length(args) >= 1) args[1] else file.path("src", "test", "resources", "reference", "gap", "gap36.csv")
series <- read.csv(input, colClasses = c(period = "character", covered = "character"))
z <- qnorm(0.975)
keep <- series$covered == "true"
t <- (0:(nrow(series) - 1))[keep]
y <- series$count[keep]
n <- length(y)
out <- list()
put <- function(key, value) out[[length(out) + 1]] <<- data.frame(key = key, value = sprintf("%.17g", value))

# OLS
ols <- lm(y ~ t)
s <- summary(ols)$coefficients
put("ols.intercept", s["(Intercept)", "Estimate"])
put("ols.slope", s["t", "Estimate"])
put("ols.slope_se", s["t", "Std. Error"])
put("ols.p_value", s["t", "Pr(>|t|)"])
put("ols.r_squared", summary(ols)$r.squared)
ci <- s["t", "Estimate"] + c(-1, 1) * qt(0.975, n - 2) * s["t", "Std. Error"]
put("ols.slope_ci95_lower", ci[1])
put("ols.slope_ci95_upper", ci[2])

# Poisson
fit <- glm(y ~ t, family = poisson, control = glm.control(epsilon = 1e-14, maxit = 200))
beta <- coef(fit)
mu <- fitted(fit)
x <- model.matrix(fit)
cov <- solve(crossprod(x, x * mu)) # at the MLE
se <- sqrt(diag(cov))
phi <- sum((y - mu)^2 / mu) / (n - 2)
put("poisson.intercept", beta[1])
put("poisson.slope", beta[2])
put("poisson.intercept_se", se[1])
put("poisson.slope_se", se[2])
put("poisson.deviance", deviance(fit))
put("poisson.null_deviance", fit$null.deviance)
put("poisson.aic", -2 * sum(dpois(y, mu, log = TRUE)) + 2 * 2)
put("poisson.dispersion", phi)
put("poisson.quasi_slope_se", se[2] * sqrt(phi))
put("poisson.rate_ratio_12m", exp(12 * beta[2]))
put("poisson.rate_ratio_12m_lower", exp(12 * (beta[2] - z * se[2])))
put("poisson.rate_ratio_12m_upper", exp(12 * (beta[2] + z * se[2])))
for (i in seq_len(n)) put(sprintf("poisson.fitted.%d", i - 1), mu[i])
put("negbin.overdispersion_score", sum((y - mu)^2 - y)) # <= 0: theta infinite, no NB fit

# forecast: the 6 periods after the last covered one
last <- t[n]
for (h in 1:6) {
  xf <- c(1, last + h)
  eta <- sum(xf * beta)
  se_eta <- sqrt(drop(t(xf) %*% cov %*% xf))
  put(sprintf("forecast.%d.t", h), last + h)
  put(sprintf("forecast.%d.mean", h), exp(eta))
  put(sprintf("forecast.%d.lower", h), exp(eta - z * se_eta))
  put(sprintf("forecast.%d.upper", h), exp(eta + z * se_eta))
}

# Mann-Kendall (order only)
S <- 0
for (i in 1:(n - 1)) for (j in (i + 1):n) S <- S + sign(y[j] - y[i])
ties <- table(y)
varS <- (n * (n - 1) * (2 * n + 5) - sum(ties * (ties - 1) * (2 * ties + 5))) / 18
zmk <- if (S == 0) 0 else sign(S) * (abs(S) - 1) / sqrt(varS)
n0 <- n * (n - 1) / 2
tau <- S / sqrt(n0 * (n0 - sum(ties * (ties - 1) / 2)))
put("mann_kendall.S", S)
put("mann_kendall.varS", varS)
put("mann_kendall.z", zmk)
put("mann_kendall.p_value", 2 * pnorm(-abs(zmk)))
put("mann_kendall.tau", tau)

# Sen's slope with the true distance in time
d <- c()
for (i in 1:(n - 1)) for (j in (i + 1):n) d <- c(d, (y[j] - y[i]) / (t[j] - t[i]))
d <- sort(d)
N <- length(d)
C <- z * sqrt(varS)
put("sens_slope.slope", median(d))
put("sens_slope.ci95_lower", d[round((N - C) / 2)])
put("sens_slope.ci95_upper", d[round((N + C) / 2 + 1)])

# Pettitt on the covered values in order
r <- rank(y)
U <- sapply(1:(n - 1), function(k) 2 * sum(r[1:k]) - k * (n + 1))
K <- max(abs(U))
k <- which(abs(U) == K)[1]
put("pettitt.K", K)
put("pettitt.k", k) # 1-based index of the last covered period before the change
put("pettitt.p_value", min(1, 2 * exp(-6 * K^2 / (n^3 + n^2))))

write.csv(do.call(rbind, out), stdout(), row.names = FALSE, quote = FALSE)
