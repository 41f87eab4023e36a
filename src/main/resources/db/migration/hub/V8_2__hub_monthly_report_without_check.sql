-- N of the national range (docs/indicators.md, "Error bounds"), as each site reported it with its latest report: for
-- each bounded measure, its count over the site's counted clients without the DUPLICATE_CHECK consent. Aggregates
-- only. A report made before the field existed has no rows here: its N is unknown (the national page says so).
CREATE TABLE hub_monthly_report_without_check (
    site_code           VARCHAR(40) NOT NULL,
    report_month        VARCHAR(7)  NOT NULL,
    indicator           VARCHAR(8)  NOT NULL,
    measure             VARCHAR(12) NOT NULL,
    without_check_count BIGINT      NOT NULL,
    FOREIGN KEY (site_code, report_month) REFERENCES hub_monthly_report (site_code, report_month),
    CONSTRAINT hub_monthly_report_without_check_measure UNIQUE (site_code, report_month, indicator, measure)
);
