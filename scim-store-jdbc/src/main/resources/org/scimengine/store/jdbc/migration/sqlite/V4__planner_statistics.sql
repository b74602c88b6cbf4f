-- SQLite plans from the statistics in sqlite_stat1, and without any it guesses that "tenant = ? AND type = ?"
-- narrows a table as much as a lookup of one userName does: it then walks every user of the tenant to find
-- one. These figures describe a large database (a million resources, twenty values each) so that from the
-- first row on the planner drives a lookup from the value index and fetches resources by key. A later ANALYZE
-- replaces them with measured ones, which lead to the same plans.
ANALYZE;
DELETE FROM sqlite_stat1;
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
    ('scim_resource', 'scim_resource_by_type', '1000000 100000 50000 1'),
    ('scim_resource', 'sqlite_autoindex_scim_resource_1', '1000000 100000 1'),
    ('scim_value', 'scim_value_lookup', '20000000 2000000 100000 50000 2 1'),
    ('scim_value', 'scim_value_owner', '20000000 20 5 2'),
    ('scim_member', 'sqlite_autoindex_scim_member_1', '5000000 1000 1'),
    ('scim_member', 'scim_member_of', '5000000 5'),
    ('scim_member', 'scim_member_order', '5000000 1000 1'),
    ('scim_member', 'scim_member_by_id', '5000000 500000 5'),
    ('scim_unique', 'sqlite_autoindex_scim_unique_1', '2000000 200000 100000 1 1'),
    ('scim_unique', 'scim_unique_global', '1000 100 50 1'),
    ('scim_unique', 'scim_unique_owner', '2000000 2'),
    ('scim_count', 'sqlite_autoindex_scim_count_1', '100 10 2 1');
ANALYZE sqlite_schema;
