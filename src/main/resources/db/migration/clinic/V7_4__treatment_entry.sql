-- The treatment-entry form (EUDA TDI 3.0 core items), one row per entry into treatment, recorded at or after
-- enrolment. Keyed by the client's internal id, never a name. Each coded item holds a code of the intake module's
-- enums, "NOT_KNOWN" and "DECLINED" included; the age at first use is a number only when the answer is GIVEN.
-- A referral by a court or the police is a referral_source value and nothing else: no table or job sends it on.
CREATE TABLE treatment_entry (
    id                    UUID        PRIMARY KEY,
    client_id             UUID        NOT NULL REFERENCES client (id),
    entered_on            DATE        NOT NULL,
    treatment_centre      VARCHAR(20) NOT NULL,
    previous_treatment    VARCHAR(20) NOT NULL,
    referral_source       VARCHAR(30) NOT NULL,
    primary_drug          VARCHAR(30) NOT NULL,
    route                 VARCHAR(20) NOT NULL,
    frequency             VARCHAR(20) NOT NULL,
    age_first_use_answer  VARCHAR(20) NOT NULL,
    age_first_use         INTEGER,
    ever_injected         VARCHAR(20) NOT NULL,
    ever_ost              VARCHAR(20) NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by           VARCHAR(100) NOT NULL,
    CONSTRAINT treatment_entry_age CHECK (
        (age_first_use_answer = 'GIVEN' AND age_first_use BETWEEN 1 AND 99)
        OR (age_first_use_answer <> 'GIVEN' AND age_first_use IS NULL))
);

CREATE INDEX treatment_entry_client ON treatment_entry (client_id, entered_on);
CREATE INDEX treatment_entry_year ON treatment_entry (entered_on);
