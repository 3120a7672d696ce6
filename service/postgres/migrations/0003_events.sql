-- The change feed, as in the SQLite store: one row per stored revision or
-- deletion, written in the transaction of the change. Writers of events
-- take a transaction-level advisory lock first, so that seqs are assigned
-- in commit order and a reader resuming after a seq never misses one.
CREATE TABLE events (
	seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind          text        NOT NULL,
	article_id    text        NOT NULL,
	revision      integer     NOT NULL,
	title         text        NOT NULL,
	url           text        NOT NULL DEFAULT '',
	metadata      text,
	words_added   integer     NOT NULL,
	words_removed integer     NOT NULL,
	facts         integer,
	created_at    timestamptz NOT NULL
);

CREATE TABLE webhook_subscriptions (
	id              text        NOT NULL PRIMARY KEY,
	url             text        NOT NULL,
	kinds           text        NOT NULL DEFAULT '[]',
	article_prefix  text        NOT NULL DEFAULT '',
	metadata_filter text        NOT NULL DEFAULT '{}',
	secret          text        NOT NULL,
	disabled        boolean     NOT NULL DEFAULT false,
	disabled_reason text        NOT NULL DEFAULT '',
	created_at      timestamptz NOT NULL,
	updated_at      timestamptz NOT NULL
);

CREATE TABLE webhook_attempts (
	id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	subscription_id text        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
	webhook_id      text        NOT NULL,
	seq             bigint      NOT NULL,
	attempt         integer     NOT NULL,
	at              timestamptz NOT NULL,
	status          integer     NOT NULL DEFAULT 0,
	outcome         text        NOT NULL,
	error           text        NOT NULL DEFAULT '',
	duration_us     bigint      NOT NULL DEFAULT 0,
	next_attempt_at timestamptz
);

CREATE INDEX webhook_attempts_by_subscription ON webhook_attempts (subscription_id, id DESC);
