-- The resources, one row each, with the JSON document the engine stores. Instants are kept as fixed-width
-- text that sorts in time order (see Instants.java); strings compare in the "C" collation, which is code-point order.
CREATE TABLE scim_resource (
    pk            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant        TEXT    COLLATE "C" NOT NULL,
    type          TEXT    COLLATE "C" NOT NULL,
    id            TEXT    COLLATE "C" NOT NULL,
    version       BIGINT  NOT NULL,
    created       TEXT    COLLATE "C" NOT NULL,
    last_modified TEXT    COLLATE "C" NOT NULL,
    attributes    TEXT    NOT NULL,
    UNIQUE (tenant, id)
);
CREATE INDEX scim_resource_by_type ON scim_resource (tenant, type, id);

-- One row per value a filter can reach: every scalar and every complex element of the resource, with the
-- number of its element in the top-level array, so that conditions of one value filter correlate on it.
CREATE TABLE scim_value (
    tenant  TEXT    COLLATE "C" NOT NULL,
    res     BIGINT  NOT NULL REFERENCES scim_resource (pk) ON DELETE CASCADE,
    attr    TEXT    COLLATE "C" NOT NULL,
    sub     TEXT    COLLATE "C" NOT NULL,
    elem    INTEGER NOT NULL,
    kind    SMALLINT NOT NULL,
    present SMALLINT NOT NULL,
    chosen  SMALLINT NOT NULL,
    s_fold  TEXT    COLLATE "C",
    s_exact TEXT    COLLATE "C",
    num     NUMERIC,
    bool    SMALLINT,
    dt      TEXT    COLLATE "C"
);
CREATE INDEX scim_value_lookup ON scim_value (tenant, attr, sub, s_fold, res);
CREATE INDEX scim_value_owner ON scim_value (res, attr, elem);

-- Group membership as rows: adding or removing one member touches one row whatever the group's size.
CREATE TABLE scim_member (
    tenant       TEXT    COLLATE "C" NOT NULL,
    group_pk     BIGINT  NOT NULL REFERENCES scim_resource (pk) ON DELETE CASCADE,
    member_pk    BIGINT  NOT NULL REFERENCES scim_resource (pk) ON DELETE CASCADE,
    seq          BIGINT  NOT NULL,
    member_id    TEXT    COLLATE "C" NOT NULL,
    member_type  TEXT    COLLATE "C" NOT NULL,
    type_fold    TEXT    COLLATE "C" NOT NULL,
    display      TEXT    COLLATE "C",
    display_fold TEXT    COLLATE "C",
    PRIMARY KEY (group_pk, member_pk)
);
CREATE INDEX scim_member_of ON scim_member (member_pk);
CREATE INDEX scim_member_order ON scim_member (group_pk, seq);

-- Unique values as the engine computed them; the constraints, not a check before the insert, decide races.
CREATE TABLE scim_unique (
    tenant    TEXT    COLLATE "C" NOT NULL,
    attribute TEXT    COLLATE "C" NOT NULL,
    value     TEXT    COLLATE "C" NOT NULL,
    type      TEXT    COLLATE "C" NOT NULL,
    global    SMALLINT NOT NULL,
    res       BIGINT  NOT NULL REFERENCES scim_resource (pk) ON DELETE CASCADE,
    PRIMARY KEY (tenant, attribute, value, type)
);
CREATE UNIQUE INDEX scim_unique_global ON scim_unique (tenant, attribute, value) WHERE global = 1;
CREATE INDEX scim_unique_owner ON scim_unique (res);

-- How many resources of a type a tenant has, so an unfiltered list knows its total without counting rows.
CREATE TABLE scim_count (
    tenant TEXT    COLLATE "C" NOT NULL,
    type   TEXT    COLLATE "C" NOT NULL,
    slot   INTEGER NOT NULL,
    n      BIGINT  NOT NULL,
    PRIMARY KEY (tenant, type, slot)
);

-- Membership order: one sequence, so concurrent adders never collide.
CREATE SEQUENCE scim_member_seq;
