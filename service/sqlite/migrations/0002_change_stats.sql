-- Each revision keeps the words it added and removed, and the facts it
-- changed, since the revision
-- before it, computed once when it is written, so that listing revisions
-- never runs a diff. The columns are filled in for revisions already stored
-- by the Go step of this migration (fillChangeStats), since SQL cannot
-- compute a diff; they stay NULL only until that step has run, in the same
-- transaction.
ALTER TABLE revisions ADD COLUMN words_added INTEGER;
ALTER TABLE revisions ADD COLUMN words_removed INTEGER;
ALTER TABLE revisions ADD COLUMN facts_changed INTEGER;
