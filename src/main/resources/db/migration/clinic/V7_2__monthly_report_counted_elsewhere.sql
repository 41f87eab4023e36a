-- "Counted elsewhere" (docs/indicators.md, "Counting each client once nationally"): whether the hub's list was applied
-- to a frozen report (APPLIED), refused whole by the clinic's safeguards (REFUSED) or could not be fetched
-- (UNAVAILABLE); how many consenting clients the contribution left out because another site counts them; and, when
-- those are at least min-cell clients, one bound figure per indicator (otherwise bounds_below_min_cell). Reports
-- frozen before this migration had no exclusions: UNAVAILABLE.
ALTER TABLE monthly_report ADD COLUMN exclusions VARCHAR(12) NOT NULL DEFAULT 'UNAVAILABLE';
ALTER TABLE monthly_report ADD COLUMN counted_elsewhere INT NOT NULL DEFAULT 0;
ALTER TABLE monthly_report ADD COLUMN bounds_below_min_cell BOOLEAN NOT NULL DEFAULT FALSE;
-- when the hub took the clusters the list came from (none when the list was unavailable)
ALTER TABLE monthly_report ADD COLUMN hub_list_as_of TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_report ADD CONSTRAINT monthly_report_counted_elsewhere CHECK (counted_elsewhere >= 0);

CREATE TABLE monthly_report_bound (
    report_id   UUID        NOT NULL REFERENCES monthly_report (id),
    indicator   VARCHAR(8)  NOT NULL,
    measure     VARCHAR(12) NOT NULL,
    bound_count BIGINT      NOT NULL,
    CONSTRAINT monthly_report_bound_measure UNIQUE (report_id, indicator, measure),
    CONSTRAINT monthly_report_bound_count CHECK (bound_count >= 0)
);

-- The list the hub sent for a frozen report, kept for audit: each reference and what became of it (LEFT_OUT;
-- NOT_HELD: not a reference of this clinic; NO_CONSENT: the duplicate-check consent is no longer in force; REFUSED:
-- the whole list was refused by the safeguards). Stays at the clinic; never sent.
CREATE TABLE monthly_report_exclusion (
    report_id UUID        NOT NULL REFERENCES monthly_report (id),
    reference VARCHAR(32) NOT NULL,
    fate      VARCHAR(12) NOT NULL,
    PRIMARY KEY (report_id, reference)
);
