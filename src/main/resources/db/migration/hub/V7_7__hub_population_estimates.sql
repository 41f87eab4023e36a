-- Population size estimates on the hub (docs/indicators.md, "Coverage against the population"): the number of people
-- who inject drugs or use opioids in a region (a region code the clinics send, or the national organisation unit)
-- in a year, as an analyst enters it, with its source. The population denominator of HIV.IND.11. One current
-- estimate per region and year; a new one for the same region and year replaces it, and the replaced one is kept in
-- hub_population_estimate_history. Nothing here is about a client.
CREATE TABLE hub_population_estimate (
    region          VARCHAR(40)  NOT NULL,
    estimate_year   INT          NOT NULL,
    population_size BIGINT       NOT NULL,
    source          VARCHAR(500) NOT NULL,
    entered_by      VARCHAR(100) NOT NULL,
    entered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (region, estimate_year),
    CONSTRAINT hub_population_estimate_size CHECK (population_size > 0)
);

-- Each estimate that a later one replaced, as it was, with who replaced it and when.
CREATE TABLE hub_population_estimate_history (
    id              UUID         PRIMARY KEY,
    region          VARCHAR(40)  NOT NULL,
    estimate_year   INT          NOT NULL,
    population_size BIGINT       NOT NULL,
    source          VARCHAR(500) NOT NULL,
    entered_by      VARCHAR(100) NOT NULL,
    entered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_by     VARCHAR(100) NOT NULL,
    replaced_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX hub_population_estimate_history_region ON hub_population_estimate_history (region, estimate_year);
