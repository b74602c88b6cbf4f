-- SQLite needs planner statistics seeded (see the SQLite script of this version); PostgreSQL gathers its own
-- by autovacuum. The version exists in both so that both databases stay at the same schema version.
SELECT 1;
