-- Articles hold the listing fields of their latest revision, so that a
-- listing never has to scan revisions.
CREATE TABLE articles (
	id              TEXT    NOT NULL PRIMARY KEY,
	title           TEXT    NOT NULL,
	url             TEXT    NOT NULL DEFAULT '',
	latest_revision INTEGER NOT NULL,
	created_at      INTEGER NOT NULL, -- microseconds since the epoch, UTC
	updated_at      INTEGER NOT NULL
);

CREATE INDEX articles_by_update ON articles (updated_at DESC, id ASC);

-- Revisions are immutable; (article_id, number) makes duplicate numbers
-- impossible even if two writers raced.
CREATE TABLE revisions (
	article_id   TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	number       INTEGER NOT NULL CHECK (number >= 1),
	title        TEXT    NOT NULL,
	body         TEXT    NOT NULL,
	url          TEXT    NOT NULL DEFAULT '',
	metadata     TEXT,
	content_hash TEXT    NOT NULL,
	words        INTEGER NOT NULL,
	created_at   INTEGER NOT NULL,
	PRIMARY KEY (article_id, number)
);
