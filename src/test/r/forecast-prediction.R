# Prediction intervals of the Poisson forecasts, computed by R for every reference series of the
# shared folder (reference/trends), so ForecastReferenceTest checks the service against R rather
# than against its own formula.
#
# The rule (docs/trends.md, Forecast.java): the 2.5% Poisson quantile at the lower 95% confidence
# bound of the mean, and the 97.5% quantile at the upper bound. The fit is R's glm() run to
# convergence, with standard errors from the weights at the MLE (as the shared reference values).
#
# Run from the project root (base R only; Debian r-base-core):
#   Rscript src/test/r/forecast-prediction.R ../shared/reference/trends > src/test/resources/reference/forecast-prediction.csv
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else file.path("..", "shared", "reference", "trends")
horizon <- 6
z <- qnorm(0.975)
months <- sprintf("%02d", 1:12)

forecast <- function(name, series, seasonal) {
  n <- nrow(series)
  t <- 0:(n - 1)
  month <- factor(substr(series$period, 6, 7), levels = months)
  exposure <- if ("exposure" %in% names(series)) series$exposure else rep(1, n)
  fit <- if (seasonal) {
    glm(series$count ~ t + month, family = poisson, offset = log(exposure),
        control = glm.control(epsilon = 1e-14, maxit = 200))
  } else {
    glm(series$count ~ t, family = poisson, offset = log(exposure),
        control = glm.control(epsilon = 1e-14, maxit = 200))
  }
  beta <- coef(fit)
  x <- model.matrix(fit)
  mu <- fitted(fit)
  # covariance at the MLE (glm's summary uses the previous iterate's weights)
  cov <- solve(crossprod(x, x * mu))
  last <- as.integer(substr(series$period[n], 6, 7))
  rows <- list()
  for (h in 1:horizon) {
    tt <- n - 1 + h
    xf <- c(1, tt)
    if (seasonal) {
      m <- ((last - 1 + h) %% 12) + 1
      dummies <- rep(0, 11)
      if (m >= 2) dummies[m - 1] <- 1
      xf <- c(xf, dummies)
    }
    eta <- sum(xf * beta) + log(exposure[n])
    se <- sqrt(drop(t(xf) %*% cov %*% xf))
    lower <- exp(eta - z * se)
    upper <- exp(eta + z * se)
    rows[[h]] <- data.frame(series = name, model = if (seasonal) "poisson_seasonal" else "poisson",
                            t = tt, ci95_lower = lower, ci95_upper = upper,
                            prediction_lower = qpois(0.025, lower),
                            prediction_upper = qpois(0.975, upper))
  }
  do.call(rbind, rows)
}

out <- NULL
for (csv in sort(list.files(dir, pattern = "\\.csv$", full.names = TRUE))) {
  name <- sub("\\.csv$", "", basename(csv))
  series <- read.csv(csv, colClasses = c(period = "character"))
  out <- rbind(out, forecast(name, series, FALSE), forecast(name, series, TRUE))
}
# 17 significant digits: every double reads back exactly
out$ci95_lower <- sprintf("%.17g", out$ci95_lower)
out$ci95_upper <- sprintf("%.17g", out$ci95_upper)
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
