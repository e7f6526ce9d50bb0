-- An import that was running when the process died is marked 'interrupted' at the next start.
ALTER TABLE import_batch DROP CONSTRAINT ck_import_status;
ALTER TABLE import_batch ADD CONSTRAINT ck_import_status
    CHECK (status IN ('running', 'completed', 'rejected', 'failed', 'interrupted'));
