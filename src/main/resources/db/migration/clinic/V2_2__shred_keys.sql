-- Shred keys wrap every client's data key a second time (after the master key). The keys themselves are files
-- outside the database (ishenim.identity.shred-key-dir); this table only says which exist and which one is current
-- (retired_at IS NULL). Destroying a retired key makes every copy of the data keys it wrapped unreadable: in free
-- pages, the WAL, a copied file or a backup. See docs/erasure.md.
CREATE TABLE shred_key (
    id          VARCHAR(40) PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE
);

-- One row to lock: one rotation at a time, also across application instances.
CREATE TABLE shred_key_rotation (
    id          INT PRIMARY KEY
);
INSERT INTO shred_key_rotation (id) VALUES (1);

-- The shred key that wraps the stored data key; NULL for a key stored before shred keys (the master key alone),
-- which the first rotation re-wraps. A key that a row names cannot be deleted.
ALTER TABLE client_key ADD COLUMN shred_key_id VARCHAR(40);
ALTER TABLE client_key ADD CONSTRAINT client_key_shred_key FOREIGN KEY (shred_key_id) REFERENCES shred_key (id);
CREATE INDEX client_key_by_shred_key ON client_key (shred_key_id);
