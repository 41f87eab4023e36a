-- The clinic side of the cross-site duplicate check. No encoding is stored here: it is computed from the
-- encrypted identity when it is sent. The reference sent to the hub is random, never the client id or UIC.
CREATE TABLE duplicate_check (
    client_id    UUID        PRIMARY KEY REFERENCES client (id),
    reference    VARCHAR(32) NOT NULL UNIQUE,
    state        VARCHAR(20) NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at   TIMESTAMP WITH TIME ZONE
);

-- What the hub answered: a site and that site's opaque reference. Never a name.
CREATE TABLE duplicate_candidate (
    client_id  UUID        NOT NULL REFERENCES duplicate_check (client_id),
    site       VARCHAR(40) NOT NULL,
    reference  VARCHAR(64) NOT NULL,
    same_site  BOOLEAN     NOT NULL,
    found_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, site, reference)
);

-- Transactional outbox: what the hub still has to be told about a client (CHECK: upload and query; DELETE),
-- written in the same transaction as the enrolment or consent change. One row per client: the latest wish.
CREATE TABLE duplicate_outbox (
    client_id       UUID        PRIMARY KEY REFERENCES duplicate_check (client_id),
    action          VARCHAR(10) NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INT         NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(200)
);
CREATE INDEX duplicate_outbox_due ON duplicate_outbox (next_attempt_at);
