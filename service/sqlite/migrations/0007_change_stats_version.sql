-- Each revision keeps the version of the rules its change stats were
-- counted by (service.ChangeStatsVersion). Revisions stored before have 0,
-- as have those an older version of the service still writes beside a
-- newer one: every open of the store counts the stats of such revisions
-- again, against the revision before, and corrects their events in the
-- change feed (restatChanges), in transactions of a few hundred revisions.
ALTER TABLE revisions ADD COLUMN stats_version INTEGER NOT NULL DEFAULT 0;
