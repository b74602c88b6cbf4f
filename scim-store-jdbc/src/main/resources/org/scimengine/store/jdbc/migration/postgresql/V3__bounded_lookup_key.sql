-- PostgreSQL refuses an index entry over about 2.7 kB, which a long string (a certificate, a photo's data URI)
-- exceeds: the lookup index keeps the first 256 characters of the folded string, enough to find a value by
-- eq and sw; the full string is compared on the rows it finds. SQLite gets the same index, so both stores plan
-- the same queries.
DROP INDEX scim_value_lookup;
CREATE INDEX scim_value_lookup ON scim_value (tenant, attr, sub, substr(s_fold, 1, 256), res);
