# Reference values for the regimes of a count series (docs/trends.md, "Regimes"):
# binary segmentation with Pettitt's test and the Poisson / NB2 trend of every segment.
#
# Run from the project root:   Rscript src/test/r/segments.R
# Needs R (Debian r-base-core 4.2) and MASS (r-cran-mass); nothing from CRAN.
# Reads   ../shared/reference/trends/{a_short24,b_shift120,d_seasonal60}.csv
#         src/test/resources/reference/segments/pbc_*.csv   (the bundled PBC file as the service
#         aggregates it: killed and incidents by year and by month over the data's own range)
# Writes  src/test/resources/reference/segments/<name>.R.json
#
# Conventions as ../shared/reference/trends/README.md: t = 0..n-1 from the SEGMENT's first period,
# Poisson GLM to convergence with standard errors at the MLE, AIC with the log y! terms, Wald
# intervals with qnorm(0.975), NB2 as the exact joint MLE (theta infinite when
# sum((y - mu_poisson)^2 - y) <= 0).
suppressPackageStartupMessages(library(MASS))

alpha <- 0.05
max_change_points <- 4
z <- qnorm(0.975)

# Pettitt's test exactly as the R code of CRAN trend 1.1.6 (pettitt.test): average ranks, first k
# reaching K, p = min(1, 2 exp(-6 K^2 / (n^3 + n^2))).
pettitt <- function(x) {
  n <- length(x)
  r <- rank(x)
  U <- sapply(1:n, function(k) 2 * sum(r[1:k]) - k * (n + 1))
  K <- max(abs(U))
  k <- which(abs(U) == K)[1]
  list(K = K, k = k, p = min(1, 2 * exp(-6 * K^2 / (n^3 + n^2))))
}

# Binary segmentation: test every non-final segment of >= 2*minlen periods; a candidate has
# p < alpha and leaves >= minlen periods on both sides (else the segment is final); split the
# candidate with the smallest p (ties: earliest); at most max_change_points splits.
segment <- function(y, minlen) {
  segs <- list(c(1, length(y)))
  final <- FALSE
  splits <- list()
  while (length(splits) < max_change_points) {
    best <- NULL
    for (i in seq_along(segs)) {
      if (final[i]) next
      s <- segs[[i]]
      n <- s[2] - s[1] + 1
      ok <- FALSE
      if (n >= 2 * minlen) {
        pt <- pettitt(y[s[1]:s[2]])
        ok <- pt$K > 0 && pt$p < alpha && pt$k >= minlen && n - pt$k >= minlen
      }
      if (!ok) {
        final[i] <- TRUE
      } else if (is.null(best) || pt$p < best$p) {
        best <- c(pt, i = i)
      }
    }
    if (is.null(best)) break
    s <- segs[[best$i]]
    cut <- s[1] + best$k # 1-based first period after the change
    splits[[length(splits) + 1]] <- list(
      order = length(splits) + 1L, segment_first = as.integer(s[1] - 1), segment_last = as.integer(s[2] - 1),
      first_index_after = as.integer(cut - 1), K = best$K, p_value = best$p)
    segs <- append(segs[-best$i], list(c(s[1], cut - 1), c(cut, s[2])), after = best$i - 1)
    final <- append(final[-best$i], c(FALSE, FALSE), after = best$i - 1)
  }
  list(segments = segs, splits = splits)
}

rate_ratio <- function(h, b, se) list(estimate = exp(h * b), ci95 = exp(h * (b + c(-1, 1) * z * se)))

# Newton (= Fisher scoring for the log link) on the coefficients, weights w(mu), from `start`
# until the step is below 1e-15 relative: glm()'s deviance criterion stops a step early.
newton <- function(y, X, b, weight) {
  for (i in 1:100) {
    mu <- as.vector(exp(X %*% b))
    w <- weight(mu)
    step <- solve(crossprod(X, X * w), crossprod(X, (y - mu) * w / mu))
    b <- b + as.vector(step)
    if (max(abs(step) / pmax(abs(b), 1e-300)) < 1e-15) break
  }
  b
}

poisson_fit <- function(y) {
  t <- seq_along(y) - 1
  if (all(y == 0)) return(NULL)
  m <- suppressWarnings(glm(y ~ t, family = poisson, control = glm.control(epsilon = 1e-14, maxit = 200)))
  X <- cbind(1, t)
  b <- newton(y, X, unname(coef(m)), identity)
  mu <- as.vector(exp(X %*% b))
  cov <- solve(crossprod(X, X * mu)) # at the MLE
  se <- sqrt(diag(cov))
  phi <- sum((y - mu)^2 / mu) / (length(y) - 2)
  dev <- function(m) 2 * sum(ifelse(y > 0, y * log(y / m), 0) - (y - m))
  list(b = b, cov = cov, se = se, mu = mu, phi = phi,
       deviance = dev(mu), null_deviance = dev(rep(mean(y), length(y))),
       aic = -2 * sum(dpois(y, mu, log = TRUE)) + 4)
}

negbin_fit <- function(y, p) {
  if (sum((y - p$mu)^2 - y) <= 0) return(NULL) # theta infinite: the Poisson model
  t <- seq_along(y) - 1
  X <- cbind(1, t)
  m <- suppressWarnings(glm.nb(y ~ t))
  theta <- m$theta
  b <- unname(coef(m))
  for (i in 1:500) { # alternate beta | theta and theta | beta to the joint MLE (negbin.refined)
    b <- newton(y, X, b, function(mu) mu / (1 + mu / theta))
    mu <- as.vector(exp(X %*% b))
    theta_new <- suppressWarnings(theta.ml(y, mu, limit = 100, eps = 1e-13 * theta))
    done <- abs(theta_new - theta) / theta < 1e-14
    theta <- as.numeric(theta_new)
    if (done) break
  }
  b <- newton(y, X, b, function(mu) mu / (1 + mu / theta))
  mu <- as.vector(exp(X %*% b))
  se <- sqrt(diag(solve(crossprod(X, X * (mu / (1 + mu / theta))))))
  list(call = "MASS::glm.nb(count ~ t) on the segment, refined to the joint MLE",
       theta = theta, intercept = b[1], slope = b[2], intercept_se = se[1], slope_se = se[2])
}

forecast <- function(p, n, horizon = 6) {
  t <- n - 1 + 1:horizon
  eta <- p$b[1] + p$b[2] * t
  se <- sqrt(p$cov[1, 1] + 2 * t * p$cov[1, 2] + t^2 * p$cov[2, 2])
  list(expected = exp(eta), ci95_lower = exp(eta - z * se), ci95_upper = exp(eta + z * se))
}

segment_fit <- function(y, s, periods, ppy, horizon) {
  x <- y[s[1]:s[2]]
  p <- poisson_fit(x)
  out <- list(first = as.integer(s[1] - 1), last = as.integer(s[2] - 1), from = periods[s[1]],
              to = periods[s[2]], periods = length(x), mean = mean(x), poisson = NULL,
              rate_ratio_year_quasi = NULL, verdict = "no clear change",
              negbin = NULL) # NB2: the current (last) segment only, as /trends reports it
  if (is.null(p)) return(out)
  quasi <- rate_ratio(ppy, p$b[2], p$se[2] * sqrt(max(1, p$phi)))
  out$poisson <- list(
    call = "glm(count ~ t, family = poisson) on the segment, SEs at the MLE",
    intercept = p$b[1], slope = p$b[2], intercept_se = p$se[1], slope_se = p$se[2],
    deviance = p$deviance, null_deviance = p$null_deviance, aic = p$aic, dispersion_pearson = p$phi,
    quasi_slope_se = p$se[2] * sqrt(p$phi),
    rate_ratio_12 = rate_ratio(12, p$b[2], p$se[2]),
    rate_ratio_year = rate_ratio(ppy, p$b[2], p$se[2]),
    fitted = p$mu, forecast = forecast(p, length(x), horizon))
  out$rate_ratio_year_quasi <- quasi
  out$verdict <- if (quasi$ci95[1] > 1) "rising" else if (quasi$ci95[2] < 1) "falling" else "no clear change"
  out
}

# ---- a minimal JSON writer: 17 significant digits read back to the same double
num <- function(v) {
  if (is.integer(v)) return(as.character(v))
  ifelse(v == round(v) & abs(v) < 1e15, format(v, scientific = FALSE), formatC(v, digits = 17, format = "g"))
}
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- mapply(function(k, v) paste0("\"", k, "\": ", to_json(v)), names(x), x)
      return(paste0("{", paste(parts, collapse = ", "), "}"))
    }
    return(paste0("[", paste(sapply(x, to_json), collapse = ", "), "]"))
  }
  if (is.character(x)) {
    s <- paste0("\"", x, "\"")
    return(if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ", "), "]"))
  }
  if (is.logical(x)) return(tolower(as.character(x)))
  v <- num(x)
  if (length(x) == 1 && is.null(attr(x, "array"))) v else paste0("[", paste(v, collapse = ", "), "]")
}
arr <- function(x) structure(x, array = TRUE)

run <- function(name, csv, granularity, horizon = 6) {
  d <- read.csv(csv, colClasses = c("character", "numeric"))
  rule <- switch(granularity, month = c(12, 12), quarter = c(8, 4), year = c(5, 1), week = c(52, 365.2425 / 7))
  y <- d$count
  found <- segment(y, rule[1])
  fits <- lapply(found$segments, segment_fit, y = y, periods = d$period, ppy = rule[2], horizon = horizon)
  last <- length(fits)
  fits[[last]]$negbin <- if (is.null(fits[[last]]$poisson)) NULL else
    negbin_fit(y[found$segments[[last]][1]:found$segments[[last]][2]], poisson_fit(y[found$segments[[last]][1]:found$segments[[last]][2]]))
  fits <- lapply(fits, function(f) {
    if (!is.null(f$poisson)) f$poisson$fitted <- arr(f$poisson$fitted)
    f
  })
  out <- list(
    name = name,
    produced_by = paste0("src/test/r/segments.R, ", R.version.string, ", MASS ", packageVersion("MASS")),
    input = list(granularity = granularity, min_segment_periods = as.integer(rule[1]),
                 periods_per_year = rule[2], alpha = alpha, max_change_points = as.integer(max_change_points),
                 periods = arr(d$period), counts = arr(as.integer(y))),
    splits = found$splits,
    segments = fits)
  path <- file.path("src/test/resources/reference/segments", paste0(name, ".R.json"))
  writeLines(to_json(out), path)
  cat(sprintf("%-22s %d segment(s): %s\n", name, length(fits),
              paste(sapply(fits, function(f) paste0(f$from, "..", f$to, " ", f$verdict)), collapse = " | ")))
}

shared <- "../shared/reference/trends"
for (n in c("a_short24", "b_shift120", "d_seasonal60")) run(n, file.path(shared, paste0(n, ".csv")), "month")
own <- "src/test/resources/reference/segments"
for (m in c("killed", "incidents")) for (g in c("year", "month")) {
  n <- paste0("pbc_", m, "_", g)
  run(n, file.path(own, paste0(n, ".csv")), g)
}
