-- A client is known by a UIC code and an alias. Parents' names are never stored: they only make the UIC.
CREATE TABLE client (
    id                   UUID PRIMARY KEY,
    uic                  VARCHAR(24)  NOT NULL UNIQUE,
    uic_base             VARCHAR(16)  NOT NULL,
    alias                VARCHAR(60)  NOT NULL,
    alias_search         VARCHAR(60)  NOT NULL,
    sex                  CHAR(1)      NOT NULL,
    birth_year           INT          NOT NULL,
    status               VARCHAR(12)  NOT NULL,
    identity_state       VARCHAR(12)  NOT NULL,
    enrolled_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    enrolled_by          VARCHAR(60)  NOT NULL,
    exited_at            TIMESTAMP WITH TIME ZONE
);

CREATE INDEX client_by_alias ON client (alias_search);
CREATE INDEX client_by_uic_base ON client (uic_base);

-- The client's own data key, wrapped (encrypted) by the master key. Deleting it shreds the identity.
CREATE TABLE client_key (
    client_id    UUID PRIMARY KEY REFERENCES client (id),
    wrapped_key  TEXT NOT NULL
);

-- Identity (names, date of birth, phone), encrypted with the client's data key; only with consent.
CREATE TABLE client_identity (
    client_id    UUID PRIMARY KEY REFERENCES client (id),
    ciphertext   TEXT NOT NULL,
    consented_by VARCHAR(60) NOT NULL,
    consented_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE consent (
    id          UUID PRIMARY KEY,
    client_id   UUID         NOT NULL REFERENCES client (id),
    purpose     VARCHAR(20)  NOT NULL,
    given_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    given_by    VARCHAR(60)  NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    revoked_by  VARCHAR(60)
);

CREATE INDEX consent_by_client ON consent (client_id, purpose);
