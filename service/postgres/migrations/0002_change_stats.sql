-- Each revision keeps the words it added and removed, and the facts it
-- changed, since the revision
-- before it, computed once when it is written, so that listing revisions
-- never runs a diff. The PostgreSQL store is new in the version that adds
-- these columns, so no stored revision lacks them.
ALTER TABLE revisions ADD COLUMN words_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE revisions ADD COLUMN words_removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE revisions ADD COLUMN facts_changed INTEGER NOT NULL DEFAULT 0;
