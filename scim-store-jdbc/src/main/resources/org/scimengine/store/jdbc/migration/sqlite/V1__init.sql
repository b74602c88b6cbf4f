-- The resources, one row each, with the JSON document the engine stores. Instants are kept as fixed-width
-- text that sorts in time order (see Instants.java); strings compare with BINARY, which is code-point order.
CREATE TABLE scim_resource (
    pk            INTEGER PRIMARY KEY,
    tenant        TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    id            TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    created       TEXT    NOT NULL,
    last_modified TEXT    NOT NULL,
    attributes    TEXT    NOT NULL,
    UNIQUE (tenant, id)
);
CREATE INDEX scim_resource_by_type ON scim_resource (tenant, type, id);

-- One row per value a filter can reach: every scalar and every complex element of the resource, with the
-- number of its element in the top-level array, so that conditions of one value filter correlate on it.
CREATE TABLE scim_value (
    tenant  TEXT    NOT NULL,
    res     INTEGER NOT NULL REFERENCES scim_resource (pk) ON DELETE CASCADE,
    attr    TEXT    NOT NULL,
    sub     TEXT    NOT NULL,
    elem    INTEGER NOT NULL,
    kind    INTEGER NOT NULL,
    present INTEGER NOT NULL,
    chosen  INTEGER NOT NULL,
    s_fold  TEXT,
    s_exact TEXT,
    num     NUMERIC,
    bool    INTEGER,
    dt      TEXT
);
CREATE INDEX scim_value_lookup ON scim_value (tenant, attr, sub, s_fold, res);
CREATE INDEX scim_value_owner ON scim_value (res, attr, elem);

-- Group membership as rows: adding or removing one member touches one row whatever the group's size.
CREATE TABLE scim_member (
    tenant       TEXT    NOT NULL,
    group_pk     INTEGER NOT NULL REFERENCES scim_resource (pk) ON DELETE CASCADE,
    member_pk    INTEGER NOT NULL REFERENCES scim_resource (pk) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    member_id    TEXT    NOT NULL,
    member_type  TEXT    NOT NULL,
    type_fold    TEXT    NOT NULL,
    display      TEXT,
    display_fold TEXT,
    PRIMARY KEY (group_pk, member_pk)
);
CREATE INDEX scim_member_of ON scim_member (member_pk);
CREATE INDEX scim_member_order ON scim_member (group_pk, seq);

-- Unique values as the engine computed them; the constraints, not a check before the insert, decide races.
CREATE TABLE scim_unique (
    tenant    TEXT    NOT NULL,
    attribute TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    global    INTEGER NOT NULL,
    res       INTEGER NOT NULL REFERENCES scim_resource (pk) ON DELETE CASCADE,
    PRIMARY KEY (tenant, attribute, value, type)
);
CREATE UNIQUE INDEX scim_unique_global ON scim_unique (tenant, attribute, value) WHERE global = 1;
CREATE INDEX scim_unique_owner ON scim_unique (res);

-- How many resources of a type a tenant has, so an unfiltered list knows its total without counting rows.
CREATE TABLE scim_count (
    tenant TEXT    NOT NULL,
    type   TEXT    NOT NULL,
    slot   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (tenant, type, slot)
);
