-- A prescription is a course of treatment with one medicine; each dose change is a new version.
CREATE TABLE prescription (
    id                  UUID PRIMARY KEY,
    client_id           UUID         NOT NULL REFERENCES client (id),
    medicine            VARCHAR(40)  NOT NULL,
    start_on            DATE         NOT NULL,
    end_on              DATE,
    status              VARCHAR(12)  NOT NULL,
    current_version_id  UUID,
    pending_version_id  UUID,
    -- missed days are counted from here (start, last review or re-induction), not from before it
    reset_on            DATE         NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(100) NOT NULL
);
CREATE INDEX prescription_by_client ON prescription (client_id, status);

CREATE TABLE prescription_version (
    id                UUID PRIMARY KEY,
    prescription_id   UUID          NOT NULL REFERENCES prescription (id),
    version           INT           NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    daily_dose_mg     NUMERIC(10,3) NOT NULL,
    take_home_days    INT           NOT NULL DEFAULT 0,
    reason            VARCHAR(300),
    notes             VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    needs_countersign BOOLEAN       NOT NULL,
    countersigned_by  VARCHAR(100),
    countersigned_at  TIMESTAMP WITH TIME ZONE,
    effective_on      DATE,
    CONSTRAINT prescription_version_unique UNIQUE (prescription_id, version)
);
