-- Mirrors service/sqlite/migrations/0001_init.sql. Articles hold the listing
-- fields of their latest revision, so that a listing never has to scan
-- revisions; the article row is also what a writer locks (SELECT … FOR
-- UPDATE) to number the next revision.
CREATE TABLE articles (
	id              text        NOT NULL PRIMARY KEY,
	title           text        NOT NULL,
	url             text        NOT NULL DEFAULT '',
	latest_revision integer     NOT NULL, -- 0 only inside the transaction that creates the article
	created_at      timestamptz NOT NULL,
	updated_at      timestamptz NOT NULL
);

CREATE INDEX articles_by_update ON articles (updated_at DESC, id ASC);

-- Revisions are immutable; (article_id, number) makes duplicate numbers
-- impossible even if two writers raced.
CREATE TABLE revisions (
	article_id   text        NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	number       integer     NOT NULL CHECK (number >= 1),
	title        text        NOT NULL,
	body         text        NOT NULL,
	url          text        NOT NULL DEFAULT '',
	metadata     text,       -- the JSON object exactly as written, or NULL
	content_hash text        NOT NULL,
	words        integer     NOT NULL,
	created_at   timestamptz NOT NULL,
	PRIMARY KEY (article_id, number)
);
