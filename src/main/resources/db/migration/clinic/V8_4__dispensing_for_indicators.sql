-- The indicators read every dispensing of a period (DoseHistory.givenBetween: seven to eight months, some 800,000
-- rows for a clinic of 5,000 clients): this index holds every column that read needs, so H2 answers it from the
-- index alone instead of looking each row up by its key, and PostgreSQL can use an index-only scan.
-- (dispensing_by_day stays for the dosing module's reads by day.)
CREATE INDEX dispensing_for_indicators ON dispensing (first_day, client_id, days, dispensed_at);
