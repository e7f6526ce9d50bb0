-- Incidents summed by dataset, place (province, district, division), month and date precision:
-- the rollup of V50 without category, event type and actor. With those, the full rollup of a
-- store spread over many types and actors is nearly as large as incident itself (1M generated
-- incidents over 5 types x 5 actors x 160 districts x 240 months), so it cannot make a
-- district-by-month table fast; this one has ~38,400 rows for 160 districts over 20 years
-- whatever the number of incidents. Same sum columns as V50; kept in the same transaction by
-- org.militrend.rollup.Rollup, summed from incident_month_rollup.
CREATE TABLE incident_place_month_rollup (
    dataset                         VARCHAR(64)  NOT NULL,
    province_code                   VARCHAR(8),
    district_code                   VARCHAR(48),
    division_code                   VARCHAR(48),
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
    CONSTRAINT ck_place_rollup_incidents CHECK (incidents > 0)
);
CREATE INDEX ix_place_rollup_dataset_month ON incident_place_month_rollup (dataset, period_month);
CREATE INDEX ix_place_rollup_month ON incident_place_month_rollup (period_month);

INSERT INTO incident_place_month_rollup
SELECT dataset, province_code, district_code, division_code, period_year, period_quarter, period_month,
       date_precision,
       SUM(incidents), SUM(killed), SUM(killed_unknown), SUM(injured), SUM(injured_unknown),
       SUM(casualties_unknown), SUM(killed_civilians), SUM(killed_civilians_unknown),
       SUM(killed_security_forces), SUM(killed_security_forces_unknown), SUM(killed_militants),
       SUM(killed_militants_unknown)
FROM incident_month_rollup
GROUP BY dataset, province_code, district_code, division_code, period_year, period_quarter, period_month,
         date_precision;
