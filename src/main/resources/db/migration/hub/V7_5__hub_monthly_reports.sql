-- Each site's monthly report as it arrived (docs/indicators.md, "The monthly report"): one per site and month, the
-- latest version only. A higher version replaces the stored one (its cells are deleted first), never adds to it.
-- Aggregates only; nothing here is keyed by a client or a reference. These per-site cells never leave the hub
-- unsuppressed.
CREATE TABLE hub_monthly_report (
    site_code       VARCHAR(40) NOT NULL REFERENCES hub_site (code),
    report_month    VARCHAR(7)  NOT NULL,
    version         INT         NOT NULL,
    census          DATE        NOT NULL,
    region          VARCHAR(40) NOT NULL,
    counted         INT         NOT NULL,
    without_consent INT         NOT NULL,
    -- SHA-256 (hex) of the report as received, in a canonical form: a resent report is recognised as the same
    digest          VARCHAR(64) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (site_code, report_month)
);

CREATE TABLE hub_monthly_report_cell (
    site_code    VARCHAR(40) NOT NULL,
    report_month VARCHAR(7)  NOT NULL,
    indicator    VARCHAR(8)  NOT NULL,
    measure      VARCHAR(12) NOT NULL,
    sex          VARCHAR(5)  NOT NULL,
    age_band     VARCHAR(10) NOT NULL,
    medicine     VARCHAR(20) NOT NULL,
    cell_count   BIGINT      NOT NULL,
    FOREIGN KEY (site_code, report_month) REFERENCES hub_monthly_report (site_code, report_month),
    CONSTRAINT hub_monthly_report_cell_stratum
        UNIQUE (site_code, report_month, indicator, measure, sex, age_band, medicine)
);
