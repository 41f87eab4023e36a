-- The encoding configuration (issue 14) the stored encodings were made with: one row, its public fingerprint.
-- Encodings of another configuration cannot be compared with new ones, so a hub started with another
-- configuration removes them (HubConfigurationSwitch) and the clinics upload again.
CREATE TABLE hub_encoding_configuration (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    configuration VARCHAR(40) NOT NULL,
    fingerprint   VARCHAR(64) NOT NULL,
    since         TIMESTAMP WITH TIME ZONE NOT NULL
);
