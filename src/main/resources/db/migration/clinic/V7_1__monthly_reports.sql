-- The clinic's frozen monthly reports (docs/indicators.md, "The monthly report"): the month's national contribution
-- as aggregates only. No client id, no reference, no per-client row: cell counts by indicator, measure, sex, age band
-- and medicine, and the number of clients left out for lack of the STATISTICS consent. Freezing a month again (a
-- correction) adds version n+1 and marks the earlier one REPLACED; nothing is updated in place but the status.
CREATE TABLE monthly_report (
    id              UUID         NOT NULL PRIMARY KEY,
    report_month    VARCHAR(7)   NOT NULL,
    version         INT          NOT NULL,
    census          DATE         NOT NULL,
    region          VARCHAR(40)  NOT NULL,
    counted         INT          NOT NULL,
    without_consent INT          NOT NULL,
    frozen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    frozen_by       VARCHAR(100) NOT NULL,
    -- PENDING (the hub has not confirmed), CONFIRMED, REPLACED (a later version exists) or REFUSED by the hub
    status          VARCHAR(12)  NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    replaced_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT monthly_report_month_version UNIQUE (report_month, version),
    CONSTRAINT monthly_report_version_positive CHECK (version >= 1),
    CONSTRAINT monthly_report_counts CHECK (counted >= 0 AND without_consent >= 0)
);

CREATE TABLE monthly_report_cell (
    report_id  UUID        NOT NULL REFERENCES monthly_report (id),
    indicator  VARCHAR(8)  NOT NULL,
    measure    VARCHAR(12) NOT NULL,
    sex        VARCHAR(5)  NOT NULL,
    age_band   VARCHAR(10) NOT NULL,
    -- empty where the measure is not by medicine (IND.11's service denominator)
    medicine   VARCHAR(20) NOT NULL,
    cell_count BIGINT      NOT NULL,
    CONSTRAINT monthly_report_cell_stratum UNIQUE (report_id, indicator, measure, sex, age_band, medicine),
    CONSTRAINT monthly_report_cell_count CHECK (cell_count >= 0)
);
