-- The treatment-demand (TDI) part of each site's stored monthly report (docs/indicators.md, "Treatment demand at the
-- hub"): year-to-date aggregates only, replaced with the report. Never leaves the hub unsuppressed: the national TDI
-- table adds up the latest report of each site in a year and goes through disclosure control.
CREATE TABLE hub_monthly_report_tdi (
    site_code       VARCHAR(40) NOT NULL,
    report_month    VARCHAR(7)  NOT NULL,
    counted         INT         NOT NULL,
    without_consent INT         NOT NULL,
    PRIMARY KEY (site_code, report_month),
    FOREIGN KEY (site_code, report_month) REFERENCES hub_monthly_report (site_code, report_month)
);

CREATE TABLE hub_monthly_report_tdi_cell (
    site_code    VARCHAR(40) NOT NULL,
    report_month VARCHAR(7)  NOT NULL,
    dimension    VARCHAR(20) NOT NULL,
    category     VARCHAR(30) NOT NULL,
    status       VARCHAR(12) NOT NULL,
    cell_count   BIGINT      NOT NULL,
    PRIMARY KEY (site_code, report_month, dimension, category, status),
    FOREIGN KEY (site_code, report_month) REFERENCES hub_monthly_report_tdi (site_code, report_month)
);
