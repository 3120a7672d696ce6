-- Mirrors service/sqlite/migrations/0004_facts_changed.sql: each revision
-- keeps how many facts it changed since the revision before it. As with
-- 0002, the PostgreSQL store is new in the version that adds the column,
-- so no stored revision lacks it.
ALTER TABLE revisions ADD COLUMN facts_changed integer NOT NULL DEFAULT 0;
