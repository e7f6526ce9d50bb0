-- Richer sources (ACLED, UCDP GED, GTD, mapped tables): the normalized category and the
-- fields those sources give beyond the contract's core; datasets that describe themselves;
-- saved column mappings; the out-of-scope count of an import.

ALTER TABLE incident ADD COLUMN category VARCHAR(24) DEFAULT 'other' NOT NULL;
ALTER TABLE incident ADD COLUMN sub_event_type VARCHAR(120);
ALTER TABLE incident ADD COLUMN actor2 VARCHAR(200);
ALTER TABLE incident ADD COLUMN killed_low INTEGER;
ALTER TABLE incident ADD COLUMN killed_high INTEGER;
ALTER TABLE incident ADD COLUMN source_release VARCHAR(64);
ALTER TABLE incident ADD CONSTRAINT ck_category CHECK (category IN ('suicide-attack', 'bombing', 'armed-attack',
    'armed-clash', 'targeted-killing', 'drone-strike', 'security-operation', 'abduction', 'other'));
ALTER TABLE incident ADD CONSTRAINT ck_killed_range CHECK (
    (killed_low IS NULL OR killed_low >= 0) AND (killed_high IS NULL OR killed_high >= 0));

-- Rows stored before the column get the category their event type implies, by the same rules
-- as Category.infer (so their stored hashes, which leave an inferred category out, still hold).
UPDATE incident SET category = CASE
    WHEN LOWER(event_type) LIKE '%suicide%' THEN 'suicide-attack'
    WHEN LOWER(event_type) LIKE '%drone%' OR LOWER(event_type) LIKE '%air strike%'
        OR LOWER(event_type) LIKE '%airstrike%' THEN 'drone-strike'
    WHEN LOWER(event_type) LIKE '%abduct%' OR LOWER(event_type) LIKE '%kidnap%' THEN 'abduction'
    WHEN LOWER(event_type) LIKE '%targeted%' OR LOWER(event_type) LIKE '%assassinat%' THEN 'targeted-killing'
    WHEN LOWER(event_type) LIKE '%bomb%' OR LOWER(event_type) LIKE '%explos%'
        OR LOWER(event_type) LIKE '%grenade%' THEN 'bombing'
    WHEN LOWER(event_type) LIKE '%clash%' THEN 'armed-clash'
    WHEN LOWER(event_type) LIKE '%operation%' OR LOWER(event_type) LIKE '%raid%' THEN 'security-operation'
    WHEN LOWER(event_type) LIKE '%attack%' OR LOWER(event_type) LIKE '%shoot%' OR LOWER(event_type) LIKE '%firing%'
        OR LOWER(event_type) LIKE '%armed%' THEN 'armed-attack'
    ELSE 'other' END
WHERE event_type IS NOT NULL;
CREATE INDEX ix_incident_category ON incident (category, event_date);

-- What a dataset claims to record. NULL coverage means "from its events"; NULL complete means
-- "the default of its format".
ALTER TABLE dataset ADD COLUMN title VARCHAR(300);
ALTER TABLE dataset ADD COLUMN scope VARCHAR(500);
ALTER TABLE dataset ADD COLUMN coverage_from DATE;
ALTER TABLE dataset ADD COLUMN coverage_to DATE;
ALTER TABLE dataset ADD COLUMN complete BOOLEAN;
ALTER TABLE dataset ADD COLUMN raw_access VARCHAR(8) DEFAULT 'open' NOT NULL;
ALTER TABLE dataset ADD CONSTRAINT ck_raw_access CHECK (raw_access IN ('open', 'editors'));

ALTER TABLE import_batch ADD COLUMN out_of_scope INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_batch ADD COLUMN source_release VARCHAR(64);

-- Column mappings saved by name (PUT /mappings/{name}); the body is the mapping's JSON.
CREATE TABLE column_mapping (
    name            VARCHAR(64)    NOT NULL PRIMARY KEY,
    body            VARCHAR(20000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Datasets registered before: the defaults of their format (contract "Datasets").
UPDATE dataset SET complete = CASE WHEN format IN ('pbc-suicide', 'acled', 'ucdp-ged', 'gtd') THEN TRUE ELSE FALSE END;
UPDATE dataset SET raw_access = 'editors' WHERE format IN ('acled', 'gtd');
