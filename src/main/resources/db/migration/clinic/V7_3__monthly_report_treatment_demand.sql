-- The treatment-demand (TDI) part of a frozen monthly report (docs/indicators.md, "Treatment demand at the hub"):
-- people entering treatment from 1 January to the census date, each once, with the statistics consent (counted) and
-- left out for lack of it; the non-zero counts by disaggregation, category and status. Aggregates only. A report
-- frozen before this migration has no row here, and is sent without the part.
CREATE TABLE monthly_report_tdi (
    report_id       UUID PRIMARY KEY REFERENCES monthly_report (id),
    counted         INT NOT NULL,
    without_consent INT NOT NULL,
    CONSTRAINT monthly_report_tdi_counts CHECK (counted >= 0 AND without_consent >= 0)
);

CREATE TABLE monthly_report_tdi_cell (
    report_id  UUID        NOT NULL REFERENCES monthly_report_tdi (report_id),
    dimension  VARCHAR(20) NOT NULL,
    category   VARCHAR(30) NOT NULL,
    status     VARCHAR(12) NOT NULL,
    cell_count BIGINT      NOT NULL,
    PRIMARY KEY (report_id, dimension, category, status),
    CONSTRAINT monthly_report_tdi_cell_count CHECK (cell_count >= 0)
);
