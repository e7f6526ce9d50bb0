-- Where each dataset comes from and how to cite it. Imports register the dataset
-- they write to; aggregates and reports print the citation of every dataset behind
-- their numbers.
CREATE TABLE dataset (
    name            VARCHAR(64)   NOT NULL PRIMARY KEY,
    format          VARCHAR(32)   NOT NULL,
    citation        VARCHAR(1000) NOT NULL,
    licence         VARCHAR(500),
    url             VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
