-- The places-and-months rollup (V51) without its date precision split, and with INTEGER sums.
--
-- A district-by-month table over 20 years is 38,400 groups. V51 kept up to four rows per group
-- (one per date precision: 113,452 rows for 2.4M ACLED-shaped incidents), and summed BIGINT
-- columns, which PostgreSQL accumulates as NUMERIC: its GROUP BY took ~200 ms of the answer
-- (docs/benchmarks.md, "Scale run"). One row per group with the only precision fact a rollup read
-- needs (how many incidents are dated just by their year: coarser than a month or quarter bucket;
-- rollups answer no week bucket), INTEGER sums (summed as BIGINT in a by-value accumulator) and
-- an index in the answer's order take it to ~22 ms. A sum of one place's month past 2,147,483,647
-- is no count of incidents or casualties; such a write fails rather than storing a wrong number.
CREATE TABLE incident_place_rollup_v52 (
    dataset                         VARCHAR(64)  NOT NULL,
    province_code                   VARCHAR(8),
    district_code                   VARCHAR(48),
    division_code                   VARCHAR(48),
    period_year                     INTEGER      NOT NULL,
    period_quarter                  VARCHAR(7)   NOT NULL,
    period_month                    VARCHAR(7)   NOT NULL,
    incidents                       INTEGER      NOT NULL,
    killed                          INTEGER      NOT NULL,
    killed_unknown                  INTEGER      NOT NULL,
    injured                         INTEGER      NOT NULL,
    injured_unknown                 INTEGER      NOT NULL,
    casualties_unknown              INTEGER      NOT NULL,
    killed_civilians                INTEGER      NOT NULL,
    killed_civilians_unknown        INTEGER      NOT NULL,
    killed_security_forces          INTEGER      NOT NULL,
    killed_security_forces_unknown  INTEGER      NOT NULL,
    killed_militants                INTEGER      NOT NULL,
    killed_militants_unknown        INTEGER      NOT NULL,
    year_dated                      INTEGER      NOT NULL
);

INSERT INTO incident_place_rollup_v52
SELECT dataset, province_code, district_code, division_code, period_year, period_quarter, period_month,
       SUM(incidents), SUM(killed), SUM(killed_unknown), SUM(injured), SUM(injured_unknown),
       SUM(casualties_unknown), SUM(killed_civilians), SUM(killed_civilians_unknown),
       SUM(killed_security_forces), SUM(killed_security_forces_unknown), SUM(killed_militants),
       SUM(killed_militants_unknown), SUM(CASE WHEN date_precision = 'year' THEN incidents ELSE 0 END)
FROM incident_place_month_rollup
GROUP BY dataset, province_code, district_code, division_code, period_year, period_quarter, period_month;

DROP TABLE incident_place_month_rollup;
ALTER TABLE incident_place_rollup_v52 RENAME TO incident_place_month_rollup;
ALTER TABLE incident_place_month_rollup ADD CONSTRAINT ck_place_rollup_incidents CHECK (incidents > 0);
ALTER TABLE incident_place_month_rollup ADD CONSTRAINT ck_place_rollup_year_dated
    CHECK (year_dated >= 0 AND year_dated <= incidents);
CREATE INDEX ix_place_rollup_dataset_month ON incident_place_month_rollup (dataset, period_month);
CREATE INDEX ix_place_rollup_month ON incident_place_month_rollup (period_month);
-- In the order of the district-by-month GROUP BY (district, month, then the province every
-- answer by district carries): read in this order, PostgreSQL groups as it reads, with neither a
-- hash table nor a sort of the 38,400 groups (22 ms against ~100 ms, docs/benchmarks.md), once
-- it knows how many groups there are (db/postgresql/V52_1).
CREATE INDEX ix_place_rollup_district_month ON incident_place_month_rollup (district_code, period_month, province_code);
