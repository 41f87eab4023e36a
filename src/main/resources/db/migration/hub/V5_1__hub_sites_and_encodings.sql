-- The hub's site registry and the encodings sites upload. No names, no identity: a site's opaque reference
-- and a keyed Bloom-filter encoding (CLK, base64) per client who consented to the duplicate check.
CREATE TABLE hub_site (
    code          VARCHAR(40)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    -- SHA-256 (hex) of the site's bearer token; the token itself is shown once and never stored.
    token_sha256  VARCHAR(64)  NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    token_issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deactivated_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE hub_encoding (
    site_code   VARCHAR(40) NOT NULL REFERENCES hub_site (code),
    reference   VARCHAR(64) NOT NULL,
    clk         TEXT        NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (site_code, reference)
);
