-- PostgreSQL only (location db/postgresql, added by the postgres profile; H2 has no CREATE STATISTICS).
--
-- A district's province and division follow from it, but the planner does not know it: for
-- GROUP BY district_code, period_month, province_code over the places rollup it multiplied the
-- distinct counts down to ~3,840 groups where there are 38,400 (160 districts x 240 months), so
-- it chose a hash table and a sort of the groups (~100 ms at 2.4M incidents) over reading
-- ix_place_rollup_district_month in order and grouping as it reads (~22 ms, docs/benchmarks.md).
-- Multivariate n-distinct statistics give it the real group counts for these columns.
CREATE STATISTICS IF NOT EXISTS place_rollup_place_month_ndistinct (ndistinct)
    ON district_code, period_month, province_code, division_code
    FROM incident_place_month_rollup;
ANALYZE incident_place_month_rollup;
