-- The change feed: one row per stored revision or deletion, written in the
-- same transaction as the change. seq is AUTOINCREMENT so that a seq is
-- never reused, even after the newest event is gone.
CREATE TABLE events (
	seq           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
	kind          TEXT    NOT NULL,
	article_id    TEXT    NOT NULL,
	revision      INTEGER NOT NULL,
	title         TEXT    NOT NULL,
	url           TEXT    NOT NULL DEFAULT '',
	metadata      TEXT,
	words_added   INTEGER NOT NULL,
	words_removed INTEGER NOT NULL,
	facts         INTEGER,
	created_at    INTEGER NOT NULL -- microseconds since the epoch, UTC
);

-- Webhook subscriptions. kinds is a JSON array (empty: every kind) and
-- metadata_filter a JSON object of required string values.
CREATE TABLE webhook_subscriptions (
	id              TEXT    NOT NULL PRIMARY KEY,
	url             TEXT    NOT NULL,
	kinds           TEXT    NOT NULL DEFAULT '[]',
	article_prefix  TEXT    NOT NULL DEFAULT '',
	metadata_filter TEXT    NOT NULL DEFAULT '{}',
	secret          TEXT    NOT NULL,
	disabled        INTEGER NOT NULL DEFAULT 0,
	disabled_reason TEXT    NOT NULL DEFAULT '',
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL
);

-- The last attempts of each subscription, for its subscriber to read. The
-- queue of pending deliveries itself is River's river_job table.
CREATE TABLE webhook_attempts (
	id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
	subscription_id TEXT    NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
	webhook_id      TEXT    NOT NULL,
	seq             INTEGER NOT NULL,
	attempt         INTEGER NOT NULL,
	at              INTEGER NOT NULL,
	status          INTEGER NOT NULL DEFAULT 0,
	outcome         TEXT    NOT NULL,
	error           TEXT    NOT NULL DEFAULT '',
	duration_us     INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER
);

CREATE INDEX webhook_attempts_by_subscription ON webhook_attempts (subscription_id, id DESC);
