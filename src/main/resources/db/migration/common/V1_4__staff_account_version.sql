-- Every change to an account (enabled, password, role, lock, unlock) raises its version. A signed-in session or a
-- cached API credential carries the version it was verified at and is refused once the row has moved on, on every
-- server instance that shares the database.
ALTER TABLE staff_user ADD COLUMN account_version BIGINT NOT NULL DEFAULT 0;
