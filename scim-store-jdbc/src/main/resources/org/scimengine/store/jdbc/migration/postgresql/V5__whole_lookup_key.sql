-- SQLite's lookup index holds whole strings again (see the SQLite script of this version); PostgreSQL keeps the
-- bounded key of V3. The version exists in both so that both databases stay at the same schema version.
SELECT 1;
