-- One dispensing event: an observed dose, possibly with take-home doses for the following days.
CREATE TABLE dispensing (
    id                UUID PRIMARY KEY,
    client_id         UUID          NOT NULL REFERENCES client (id),
    prescription_id   UUID          NOT NULL REFERENCES prescription (id),
    version_id        UUID          NOT NULL REFERENCES prescription_version (id),
    site_code         VARCHAR(20)   NOT NULL REFERENCES site (code),
    medicine          VARCHAR(40)   NOT NULL,
    dose_mg           NUMERIC(10,3) NOT NULL,
    days              INT           NOT NULL,
    total_mg          NUMERIC(12,3) NOT NULL,
    observed          BOOLEAN       NOT NULL,
    bottles_given     INT           NOT NULL DEFAULT 0,
    first_day         DATE          NOT NULL,
    dispensed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    dispensed_by      VARCHAR(100)  NOT NULL
);
CREATE INDEX dispensing_by_day ON dispensing (first_day);

-- Exactly one dose per client per dose day, clinic-wide: the primary key is the guarantee, also under
-- concurrent requests from several sites.
CREATE TABLE dose_day (
    client_id      UUID NOT NULL,
    on_day         DATE NOT NULL,
    dispensing_id  UUID NOT NULL REFERENCES dispensing (id),
    CONSTRAINT dose_day_pk PRIMARY KEY (client_id, on_day)
);

CREATE TABLE bottle_return (
    id             UUID PRIMARY KEY,
    dispensing_id  UUID NOT NULL REFERENCES dispensing (id),
    bottles        INT  NOT NULL,
    returned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(100) NOT NULL
);

-- Days a client with an active prescription did not come, marked by the absence job; a reason may be added.
CREATE TABLE absence (
    client_id   UUID NOT NULL,
    on_day      DATE NOT NULL,
    reason      VARCHAR(300),
    marked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT absence_pk PRIMARY KEY (client_id, on_day)
);

CREATE TABLE oat_job_state (
    name      VARCHAR(40) PRIMARY KEY,
    last_day  DATE NOT NULL
);

-- A successful POST /api/v1/dispensings, kept by its Idempotency-Key so that a retry returns it again.
CREATE TABLE idempotency_key (
    idem_key     VARCHAR(100) PRIMARY KEY,
    username     VARCHAR(100) NOT NULL,
    fingerprint  VARCHAR(64)  NOT NULL,
    status       INT          NOT NULL,
    body         TEXT         NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
