-- Imports look up existing rows by "dataset = ? AND external_id IN (... a chunk of keys ...)".
-- With the key declared (dataset, external_id), H2 cannot use the IN list (it only does on an
-- index's first column) and PostgreSQL, before it has statistics on a fresh table, prefers the
-- dataset index and scans the whole dataset per chunk: both made a large import quadratic.
-- Leading with external_id turns every look-up into index probes on both databases.
ALTER TABLE incident DROP CONSTRAINT uq_incident_key;
ALTER TABLE incident ADD CONSTRAINT uq_incident_key UNIQUE (external_id, dataset);
