-- N of the national range (docs/indicators.md, "Error bounds"): for each bounded measure of a frozen report (each
-- indicator's numerator, IND.12's days), its count over the counted clients without the DUPLICATE_CHECK consent.
-- Aggregates only. A report frozen before this migration has no rows here: its N is unknown, and it is sent without it.
CREATE TABLE monthly_report_without_check (
    report_id           UUID        NOT NULL REFERENCES monthly_report (id),
    indicator           VARCHAR(8)  NOT NULL,
    measure             VARCHAR(12) NOT NULL,
    without_check_count BIGINT      NOT NULL,
    CONSTRAINT monthly_report_without_check_measure UNIQUE (report_id, indicator, measure),
    CONSTRAINT monthly_report_without_check_count CHECK (without_check_count >= 0)
);
