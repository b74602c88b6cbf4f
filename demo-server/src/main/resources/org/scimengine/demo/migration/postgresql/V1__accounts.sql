-- The demo server's own tables, beside the resource store's, in the same database. Every row carries its
-- account (the tenant). Secrets are never stored: only a random salt and SHA-256 of salt and secret, base64.
-- Times are milliseconds since 1970-01-01T00:00:00Z.

-- Integrations (an identity provider's Basic or Bearer credential) and API clients (OAuth client credentials).
CREATE TABLE demo_credential (
    id       TEXT    NOT NULL PRIMARY KEY,   -- Basic user name, bearer token id or client id: finds the credential
    account  TEXT    NOT NULL,
    kind     TEXT    NOT NULL CHECK (kind IN ('integration', 'client')),
    auth     TEXT             CHECK (auth IN ('basic', 'bearer')),
    name     TEXT    NOT NULL,
    name_key TEXT    NOT NULL,               -- the name in lower case: unique per account and kind
    salt     TEXT    NOT NULL,
    sha256   TEXT    NOT NULL,
    scopes   TEXT    NOT NULL,               -- space-separated
    created  BIGINT  NOT NULL,
    CHECK ((kind = 'integration') = (auth IS NOT NULL)),
    UNIQUE (account, kind, name_key)
);

-- OAuth access tokens of API clients, kept across restarts and shared by the servers on one database.
CREATE TABLE demo_token (
    id        TEXT    NOT NULL PRIMARY KEY,
    account   TEXT    NOT NULL,
    client_id TEXT    NOT NULL REFERENCES demo_credential (id) ON DELETE CASCADE,
    salt      TEXT    NOT NULL,
    sha256    TEXT    NOT NULL,
    expires   BIGINT  NOT NULL
);
CREATE INDEX demo_token_of_client ON demo_token (client_id, expires);
