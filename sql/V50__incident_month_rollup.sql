-- Incidents summed by dataset, place (province, district, division), category, event type, actor, month and date precision:
-- what an aggregate at month-or-coarser granularity needs, at the size of its answer rather
-- than of the incidents. Kept in the transaction of every write to incident (imports and the
-- REST edits) by recomputing the months a write touched (org.militrend.rollup.Rollup).
--
-- For every count metric the rollup keeps the sum over the group's incidents (unknowns add 0)
-- and how many of them have the count unknown (NULL): the contract's sum over only unknowns is
-- NULL, which is "<metric>_unknown = incidents", and totals.unknown is the sum of the unknowns.
-- casualties = killed + injured; casualties_unknown counts incidents with both unknown, so that
-- "either unknown" is killed_unknown + injured_unknown - casualties_unknown.
-- No primary key: district, event type and actor may be NULL (province-only incidents, sources
-- without a type or actor), and the consistency check compares with a GROUP BY instead.
CREATE TABLE incident_month_rollup (
    dataset                         VARCHAR(64)  NOT NULL,
    province_code                   VARCHAR(8),
    district_code                   VARCHAR(48),
    division_code                   VARCHAR(48),
    category                        VARCHAR(24)  NOT NULL,
    event_type                      VARCHAR(80),
    actor                           VARCHAR(200),
    period_year                     INTEGER      NOT NULL,
    period_quarter                  VARCHAR(7)   NOT NULL,
    period_month                    VARCHAR(7)   NOT NULL,
    date_precision                  VARCHAR(8)   NOT NULL,
    incidents                       BIGINT       NOT NULL,
    killed                          BIGINT       NOT NULL,
    killed_unknown                  BIGINT       NOT NULL,
    injured                         BIGINT       NOT NULL,
    injured_unknown                 BIGINT       NOT NULL,
    casualties_unknown              BIGINT       NOT NULL,
    killed_civilians                BIGINT       NOT NULL,
    killed_civilians_unknown        BIGINT       NOT NULL,
    killed_security_forces          BIGINT       NOT NULL,
    killed_security_forces_unknown  BIGINT       NOT NULL,
    killed_militants                BIGINT       NOT NULL,
    killed_militants_unknown        BIGINT       NOT NULL,
    CONSTRAINT ck_rollup_incidents CHECK (incidents > 0)
);
CREATE INDEX ix_rollup_dataset_month ON incident_month_rollup (dataset, period_month);
CREATE INDEX ix_rollup_month ON incident_month_rollup (period_month);
CREATE INDEX ix_rollup_district ON incident_month_rollup (district_code, period_month);

INSERT INTO incident_month_rollup
SELECT dataset, province_code, district_code, division_code, category, event_type, actor,
       period_year, period_quarter, period_month, date_precision,
       COUNT(*),
       COALESCE(SUM(killed), 0), COUNT(*) - COUNT(killed),
       COALESCE(SUM(injured), 0), COUNT(*) - COUNT(injured),
       SUM(CASE WHEN killed IS NULL AND injured IS NULL THEN 1 ELSE 0 END),
       COALESCE(SUM(killed_civilians), 0), COUNT(*) - COUNT(killed_civilians),
       COALESCE(SUM(killed_security_forces), 0), COUNT(*) - COUNT(killed_security_forces),
       COALESCE(SUM(killed_militants), 0), COUNT(*) - COUNT(killed_militants)
FROM incident
GROUP BY dataset, province_code, district_code, division_code, category, event_type, actor,
         period_year, period_quarter, period_month, date_precision;
