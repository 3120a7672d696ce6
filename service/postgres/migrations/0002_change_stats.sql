-- Mirrors service/sqlite/migrations/0002_change_stats.sql: each revision
-- keeps the words it added and removed since the revision before it,
-- computed once when it is written, so that listing revisions never runs a
-- diff. The Go step of this migration (fillChangeStats) fills them in for
-- revisions already stored, in the same transaction.
ALTER TABLE revisions ADD COLUMN words_added integer, ADD COLUMN words_removed integer;
