-- PostgreSQL only (location db/postgresql, added by the postgres profile; H2 has no CREATE STATISTICS).
--
-- The province of an incident follows from its district, but the planner does not know it: for
-- GROUP BY district_code, period_month, province_code (every aggregate or hotspot ranking by
-- district adds the province) it multiplies the distinct counts and expects ~100,000 groups
-- where there are 38,400 (160 districts x 240 months, 1M rows), and so sorts all rows (spilling to
-- disk with the default work_mem) instead of hashing them: 745 ms instead of 335 ms for that
-- GROUP BY (docs/benchmarks.md, "Aggregates and monthly report"). Multivariate n-distinct
-- statistics give it the real group counts for these columns and any subset of them.
CREATE STATISTICS IF NOT EXISTS incident_place_period_ndistinct (ndistinct)
    ON province_code, district_code, period_year, period_quarter, period_month, period_week
    FROM incident;
ANALYZE incident;
