-- Each revision also keeps how many facts (numbers, money, percentages,
-- dates) it changed since the revision before it, as GET …/diff counts
-- them. The Go step of this migration (fillChangeStats, version 4) fills
-- the column in for revisions already stored, in the same transaction,
-- and recounts their words with the same comparison so that a listing and
-- a diff of the same pair agree.
ALTER TABLE revisions ADD COLUMN facts_changed INTEGER;
