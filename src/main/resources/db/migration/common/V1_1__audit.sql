-- The audit log is a hash chain: each entry's hash covers its fields and the previous entry's hash.
CREATE TABLE audit_entry (
    seq          BIGINT PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    actor_role   VARCHAR(40)  NOT NULL,
    action       VARCHAR(80)  NOT NULL,
    client_id    UUID,
    purpose      VARCHAR(300),
    outcome      VARCHAR(20)  NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL
);

CREATE INDEX audit_entry_by_client ON audit_entry (client_id, seq);

-- One row: the chain's head. Appends lock it, so the chain has one order even under concurrent writers.
CREATE TABLE audit_head (
    id    INT PRIMARY KEY,
    seq   BIGINT   NOT NULL,
    hash  CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
