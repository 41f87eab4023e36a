-- "Counted elsewhere" in each site's monthly report (docs/indicators.md, "Counting each client once nationally"):
-- whether the site applied the hub's list (APPLIED), refused it (REFUSED) or could not fetch it (UNAVAILABLE); how
-- many consenting clients it left out because another site counts them; and its bound figures (one per indicator,
-- given only when at least min-cell clients were left out, otherwise bounds_below_min_cell). Aggregates only:
-- nothing here names a reference. Reports stored before this migration had no exclusions: UNAVAILABLE.
ALTER TABLE hub_monthly_report ADD COLUMN exclusions VARCHAR(12) NOT NULL DEFAULT 'UNAVAILABLE';
ALTER TABLE hub_monthly_report ADD COLUMN counted_elsewhere INT NOT NULL DEFAULT 0;
ALTER TABLE hub_monthly_report ADD COLUMN bounds_below_min_cell BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE hub_monthly_report_bound (
    site_code    VARCHAR(40) NOT NULL,
    report_month VARCHAR(7)  NOT NULL,
    indicator    VARCHAR(8)  NOT NULL,
    measure      VARCHAR(12) NOT NULL,
    bound_count  BIGINT      NOT NULL,
    FOREIGN KEY (site_code, report_month) REFERENCES hub_monthly_report (site_code, report_month),
    CONSTRAINT hub_monthly_report_bound_measure UNIQUE (site_code, report_month, indicator, measure)
);
